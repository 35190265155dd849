namespace Vigie.Core.Incidents;

/// <summary>
/// A draft of the personal-data breach notification to the CNIL (GDPR Art. 33), in French, with the fields its
/// online form asks for. Art. 33(3): (a) nature, categories and approximate numbers of people and records;
/// (b) DPO contact; (c) likely consequences; (d) measures taken or proposed. A draft for a human to review.
/// </summary>
/// <param name="Title">Heading.</param>
/// <param name="DraftNotice">Says it is a draft and what to do with it.</param>
/// <param name="Incident">The incident's reference.</param>
/// <param name="NotificationType">Initial or complete (Art. 33(4) allows information in phases).</param>
/// <param name="Organisation">The controller, its DPO and security officer.</param>
/// <param name="Clock">The 72-hour clock.</param>
/// <param name="ClockText">The clock in words.</param>
/// <param name="DetectedAt">When the breach became known.</param>
/// <param name="BreachStart">First disclosure in scope, if any.</param>
/// <param name="BreachEnd">Last disclosure in scope, if any.</param>
/// <param name="Nature">Nature of the breach (criteria affected, how).</param>
/// <param name="Circumstances">How it happened and was found.</param>
/// <param name="DataCategories">Categories of data, with people and records.</param>
/// <param name="PeopleCategory">Categories of people concerned.</param>
/// <param name="People">Number of people concerned.</param>
/// <param name="Records">Number of records concerned.</param>
/// <param name="CountsNote">How the numbers were obtained and how exact they are.</param>
/// <param name="LikelyConsequences">Likely consequences for the people.</param>
/// <param name="Severity">Assessed risk to the people's rights and freedoms.</param>
/// <param name="MeasuresTaken">Measures taken.</param>
/// <param name="MeasuresProposed">Measures proposed.</param>
/// <param name="PeopleInformation">Whether and how the people are informed (Art. 34).</param>
/// <param name="DelayReasons">Past 72 hours: the reasons for the delay that Art. 33(1) requires, to write.</param>
/// <param name="ToComplete">What a human must still fill in or check.</param>
public sealed record CnilNotificationDraft(
    string Title,
    string DraftNotice,
    string Incident,
    string NotificationType,
    OrganisationProfile Organisation,
    DeclarationClock Clock,
    string ClockText,
    DateTimeOffset DetectedAt,
    DateTimeOffset? BreachStart,
    DateTimeOffset? BreachEnd,
    IReadOnlyList<string> Nature,
    string Circumstances,
    IReadOnlyList<DraftCategory> DataCategories,
    string PeopleCategory,
    int People,
    int Records,
    string CountsNote,
    IReadOnlyList<string> LikelyConsequences,
    string Severity,
    IReadOnlyList<string> MeasuresTaken,
    IReadOnlyList<string> MeasuresProposed,
    string PeopleInformation,
    string? DelayReasons,
    IReadOnlyList<string> ToComplete);
