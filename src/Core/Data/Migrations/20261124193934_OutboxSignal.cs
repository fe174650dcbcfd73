using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxSignal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Wakes the Workers' outbox relay at commit (one notification per transaction, whatever the rows): see
            // OutboxSignal. NOTIFY is transactional, so a rolled-back enqueue wakes nobody.
            migrationBuilder.Sql("""
                CREATE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('outbox_messages', '');
                    RETURN NULL;
                END $$;
                CREATE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
                    FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER outbox_messages_notify ON outbox_messages;
                DROP FUNCTION outbox_messages_notify();
                """);
        }
    }
}
