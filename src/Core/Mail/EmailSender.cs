using System.ComponentModel.DataAnnotations;
using MailKit.Net.Smtp;
using MailKit.Security;
using Marketplace.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Core.Mail;

/// <summary>Section "Smtp". ./run.sh and ./test.sh point it at the local mail catcher (maildev).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    [Required] public string Host { get; set; } = "";
    [Range(1, 65535)] public int Port { get; set; } = 587;
    /// <summary>None (local catcher only), StartTls (port 587) or SslOnConnect (port 465).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? Username { get; set; }
    public string? Password { get; set; }
    [Required, EmailAddress] public string FromAddress { get; set; } = "no-reply@marketplace.example.jp";
    [Required] public string FromName { get; set; } = "Marketplace";
}

/// <summary>Section "Site": where people reach the product, for links in e-mails.</summary>
public sealed class SiteOptions
{
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";
}

public sealed record EmailMessage(string ToAddress, string? ToName, string Subject, string TextBody);

/// <summary>The mail server could not be reached or refused the message; the caller saves nothing and says so.</summary>
public sealed class EmailDeliveryException(Exception inner) : Exception("The e-mail could not be sent.", inner);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends over SMTP with MailKit, one connection per message (mail is rare; no pool to go stale).</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Subject = message.Subject;
        mime.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.TextBody };

        try
        {
            using var client = new SmtpClient { Timeout = 15_000 };
            await client.ConnectAsync(o.Host, o.Port, o.Security, cancellationToken);
            if (!string.IsNullOrEmpty(o.Username))
                await client.AuthenticateAsync(o.Username, o.Password ?? "", cancellationToken);
            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            throw new EmailDeliveryException(e);
        }
    }
}

public static class MailExtensions
{
    public static IHostApplicationBuilder AddMarketplaceMail(this IHostApplicationBuilder builder)
    {
        var options = builder.Services.AddOptions<SmtpOptions>()
            .Bind(builder.Configuration.GetSection(SmtpOptions.Section))
            .ValidateDataAnnotations();
        if (!BuildTimeDocumentGeneration.IsActive)
            options.ValidateOnStart();
        builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        builder.Services.Configure<SiteOptions>(builder.Configuration.GetSection("Site"));
        return builder;
    }
}
