using System.Security.Cryptography;
using System.Text;
using MimeKit;
using MimeKit.Text;
using Vigie.Core.Notices;

namespace Vigie.Notices;

/// <summary>
/// The MIME message of an emailed notice. Everything in it is a function of the notification (Message-ID, Date set
/// to when it was planned, MIME boundary derived from the Message-ID), so a message sent again after a crash is
/// byte for byte the same message, which receiving systems recognise as a duplicate.
/// </summary>
internal static class EmailNotice
{
    public static MimeMessage Build(NoticeFacts facts, MailboxAddress from, NotificationTarget target, string address, VerificationReference reference, string messageId,
        DateTimeOffset plannedAt)
    {
        var document = NoticeComposer.Compose(facts, target, reference);
        var message = new MimeMessage { Subject = document.Subject, MessageId = messageId, Date = plannedAt };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(target.DisplayName, address));
        message.ReplyTo.Add(new MailboxAddress(null, facts.Dpo.Email));

        // RFC 3834: no auto-replies (absence notices) back to the relay.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var plain = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        plain.SetText(Encoding.UTF8, NoticeRendering.PlainText(document));
        var html = new TextPart(TextFormat.Html) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        html.SetText(Encoding.UTF8, NoticeRendering.Html(document));
        var boundary = "=-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)).AsSpan(0, 12));
        var body = new Multipart("alternative") { plain, html };
        body.ContentType.Boundary = boundary;
        message.Body = body;
        return message;
    }
}
