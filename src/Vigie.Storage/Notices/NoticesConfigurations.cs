using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Core.Notices;

namespace Vigie.Storage.Notices;

internal sealed class NotificationRowConfiguration : IEntityTypeConfiguration<NotificationRow>
{
    public void Configure(EntityTypeBuilder<NotificationRow> b)
    {
        b.ToTable("notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.IncidentId).HasMaxLength(NoticeLimits.IncidentId);
        b.Property(x => x.PatientId).HasMaxLength(64);
        b.Property(x => x.MaskedDestination).HasMaxLength(16);
        b.Property(x => x.ReferenceHash).HasMaxLength(VerificationReference.LookupHashBytes);
        b.Property(x => x.SealedReference).HasMaxLength(64);
        b.Property(x => x.MessageId).HasMaxLength(200);
        b.Property(x => x.LastError).HasMaxLength(NoticeLimits.Error);
        b.Property(x => x.ProviderMessageId).HasMaxLength(NoticeLimits.ProviderMessageId);

        // One notification per person and incident: planning the same list again adds nothing.
        b.HasIndex(x => new { x.IncidentId, x.PatientId }).IsUnique();

        // The portal's lookup; unique, so a (astronomically unlikely) repeated reference is refused at planning.
        b.HasIndex(x => x.ReferenceHash).IsUnique();

        // Claims walk one incident's pending rows in id order.
        b.HasIndex(x => new { x.IncidentId, x.Status, x.Id });
    }
}

/// <summary>Counted over a period (by time) and per notification verified.</summary>
internal sealed class PortalAnswerRowConfiguration : IEntityTypeConfiguration<PortalAnswerRow>
{
    public void Configure(EntityTypeBuilder<PortalAnswerRow> b)
    {
        b.ToTable("portal_answers");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.NotificationId);
    }
}

internal sealed class NoticeRunLockRowConfiguration : IEntityTypeConfiguration<NoticeRunLockRow>
{
    public void Configure(EntityTypeBuilder<NoticeRunLockRow> b)
    {
        b.ToTable("notice_runs");
        b.HasKey(x => x.IncidentId);
        b.Property(x => x.IncidentId).HasMaxLength(NoticeLimits.IncidentId);
        b.Property(x => x.Owner).HasMaxLength(200);
    }
}

internal sealed class PhishingReportRowConfiguration : IEntityTypeConfiguration<PhishingReportRow>
{
    public void Configure(EntityTypeBuilder<PhishingReportRow> b)
    {
        b.ToTable("phishing_reports");
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(SuspiciousMessage.MaxText);
        b.Property(x => x.Sender).HasMaxLength(SuspiciousMessage.MaxSender);
        b.Property(x => x.Headers).HasMaxLength(SuspiciousMessage.MaxHeaders);
        b.Property(x => x.ReporterIpHash).HasMaxLength(32);
        b.HasOne<PhishingCampaignRow>().WithMany().HasForeignKey(x => x.CampaignId);
        b.HasIndex(x => x.ReceivedAt);
        b.HasIndex(x => x.CampaignId);
    }
}

internal sealed class PhishingCampaignRowConfiguration : IEntityTypeConfiguration<PhishingCampaignRow>
{
    public void Configure(EntityTypeBuilder<PhishingCampaignRow> b)
    {
        b.ToTable("phishing_campaigns");
        b.HasKey(x => x.Id);
        b.Property(x => x.Label).HasMaxLength(CampaignKeys.MaxKeyLength);
        b.HasIndex(x => x.LastSeen);
    }
}

internal sealed class PhishingCampaignKeyRowConfiguration : IEntityTypeConfiguration<PhishingCampaignKeyRow>
{
    public void Configure(EntityTypeBuilder<PhishingCampaignKeyRow> b)
    {
        b.ToTable("phishing_campaign_keys");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(CampaignKeys.MaxKeyLength);
        b.HasOne<PhishingCampaignRow>().WithMany().HasForeignKey(x => x.CampaignId);
        b.HasIndex(x => x.CampaignId);
    }
}
