using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Catalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outsourcing_types",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    name_ja = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outsourcing_types", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_services",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name_ja = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalogue_services", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalogue_services_outsourcing_types_type_code",
                        column: x => x.type_code,
                        principalTable: "outsourcing_types",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "outsourcing_types",
                columns: new[] { "code", "name_en", "name_ja", "sort_order" },
                values: new object[,]
                {
                    { "BPO", "Business process outsourcing (BPO)", "ビジネス・プロセス・アウトソーシング（BPO）", 1 },
                    { "ITO", "IT outsourcing (ITO)", "IT アウトソーシング（ITO）", 2 },
                    { "KPO", "Knowledge process outsourcing (KPO)", "ナレッジ・プロセス・アウトソーシング（KPO）", 3 }
                });

            migrationBuilder.InsertData(
                table: "catalogue_services",
                columns: new[] { "id", "code", "created_at", "name_en", "name_ja", "retired_at", "sort_order", "type_code" },
                values: new object[,]
                {
                    { new Guid("00000000-0000-7000-8000-000000000001"), "payroll", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Payroll", "給与計算", null, 1, "BPO" },
                    { new Guid("00000000-0000-7000-8000-000000000002"), "social-insurance", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Social insurance procedures", "社会保険手続き", null, 2, "BPO" },
                    { new Guid("00000000-0000-7000-8000-000000000003"), "bookkeeping", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Bookkeeping and journal entries", "経理・仕訳", null, 3, "BPO" },
                    { new Guid("00000000-0000-7000-8000-000000000004"), "invoice-processing", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Invoice processing", "請求書処理", null, 4, "BPO" },
                    { new Guid("00000000-0000-7000-8000-000000000005"), "recruiting-admin", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Recruiting administration", "採用事務（応募者対応・日程調整）", null, 5, "BPO" },
                    { new Guid("00000000-0000-7000-8000-000000000006"), "reception-general-affairs", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Reception and general affairs", "受付・総務", null, 6, "BPO" },
                    { new Guid("00000000-0000-7000-8000-000000000007"), "contact-centre", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Contact centre", "コールセンター・問い合わせ対応", null, 7, "BPO" },
                    { new Guid("00000000-0000-7000-8000-000000000008"), "data-entry", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Data entry", "データ入力", null, 8, "BPO" },
                    { new Guid("00000000-0000-7000-8000-000000000101"), "server-network-operations", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Server and network operation", "サーバー・ネットワーク運用保守", null, 101, "ITO" },
                    { new Guid("00000000-0000-7000-8000-000000000102"), "helpdesk", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "IT helpdesk", "ヘルプデスク", null, 102, "ITO" },
                    { new Guid("00000000-0000-7000-8000-000000000103"), "infrastructure", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Infrastructure build", "インフラ構築", null, 103, "ITO" },
                    { new Guid("00000000-0000-7000-8000-000000000104"), "it-asset-management", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "IT asset management", "IT 資産管理", null, 104, "ITO" },
                    { new Guid("00000000-0000-7000-8000-000000000105"), "security-operations", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Security operations (SOC)", "セキュリティ運用（SOC）", null, 105, "ITO" },
                    { new Guid("00000000-0000-7000-8000-000000000201"), "data-analysis", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Data analysis", "データ分析", null, 201, "KPO" },
                    { new Guid("00000000-0000-7000-8000-000000000202"), "reporting", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Reporting", "レポーティング", null, 202, "KPO" },
                    { new Guid("00000000-0000-7000-8000-000000000203"), "market-research", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Market research", "市場調査", null, 203, "KPO" },
                    { new Guid("00000000-0000-7000-8000-000000000204"), "decision-support", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Decision support", "意思決定支援", null, 204, "KPO" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_catalogue_services_code",
                table: "catalogue_services",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalogue_services_type_code_sort_order",
                table: "catalogue_services",
                columns: new[] { "type_code", "sort_order" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalogue_services");

            migrationBuilder.DropTable(
                name: "outsourcing_types");
        }
    }
}
