using System.Globalization;
using System.Net;
using System.Text;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;

namespace Vigie.Incidents;

/// <summary>
/// The report's two charts as inline SVG written by hand: no script, no web font, no library, so the report opens
/// offline and prints as it shows. Every label is HTML-encoded.
/// </summary>
internal static class SvgCharts
{
    private const int Width = 860;
    private const int Height = 300;
    private const int Left = 56;
    private const int Right = 200;
    private const int Top = 16;
    private const int Bottom = 40;
    private const int MaxSeries = 6;
    private const int MaxBuckets = 120;

    private static readonly string[] Palette = ["#c0392b", "#2471a3", "#1e8449", "#b9770e", "#7d3c98", "#566573", "#a04000"];

    private static readonly TimeSpan[] Steps =
        [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    /// <summary>
    /// Disclosures per time step, one line per account (the busiest six, the rest together), over the entries' own
    /// span or over [<paramref name="from"/>, <paramref name="to"/>] when given (the dashboard aligns it on another chart).
    /// </summary>
    public static string DisclosuresOverTime(IReadOnlyList<ScopeEntry> entries, TimeZoneInfo zone, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (entries.Count == 0)
        {
            return "<p>Aucune communication dans le périmètre.</p>";
        }

        var first = from is { } f && f <= entries.Min(e => e.Time) ? f : entries.Min(e => e.Time);
        var last = to is { } t && t >= entries.Max(e => e.Time) ? t : entries.Max(e => e.Time);
        var step = Steps.FirstOrDefault(s => (last - first).Ticks / s.Ticks < MaxBuckets, Steps[^1]);
        var buckets = (int)((last - first).Ticks / step.Ticks) + 1;
        var accounts = entries.GroupBy(e => e.Account ?? "(sans compte)").OrderByDescending(g => g.Count()).ToList();
        var series = accounts.Take(MaxSeries).Select(g => (Name: g.Key, Entries: g.ToList())).ToList();
        if (accounts.Count > MaxSeries)
        {
            series.Add(("autres comptes", accounts.Skip(MaxSeries).SelectMany(g => g).ToList()));
        }

        var counts = series.Select(s =>
        {
            var c = new int[buckets];
            foreach (var e in s.Entries)
            {
                c[(e.Time - first).Ticks / step.Ticks]++;
            }

            return c;
        }).ToList();
        var max = Math.Max(1, counts.Max(c => c.Max()));
        double X(int bucket) => Left + (buckets == 1 ? 0.5 : bucket / (double)(buckets - 1)) * (Width - Left - Right);
        double Y(int value) => Top + (1 - value / (double)max) * (Height - Top - Bottom);

        var svg = Open("Communications dans le temps, par compte (pas de " + FrenchText.Duration(step) + ")");
        Axes(svg, max, Y);
        svg.Append(Text(Left, Height - 12, FrenchText.DateTime(first, zone), "start"));
        svg.Append(Text(Width - Right, Height - 12, FrenchText.DateTime(first + step * (buckets - 1), zone), "end"));
        for (var i = 0; i < series.Count; i++)
        {
            var color = Palette[i % Palette.Length];
            var points = string.Join(' ', counts[i].Select((v, b) => F(X(b)) + "," + F(Y(v))));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"/>");
            var y = Top + 14 + (i * 20);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Width - Right + 12}\" y=\"{y - 9}\" width=\"12\" height=\"12\" fill=\"{color}\"/>");
            svg.Append(Text(Width - Right + 30, y + 1, series[i].Name + " (" + FrenchText.Number(series[i].Entries.Count) + ")", "start"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>People and records per data category, as horizontal bars.</summary>
    public static string Categories(ScopeSummary summary)
    {
        const int row = 44;
        var height = Top + (row * summary.Categories.Count) + 8;
        var max = Math.Max(1, summary.Categories.Max(c => c.People));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\">");
        svg.Append("<title>Catégories de données exposées (personnes)</title>");
        for (var i = 0; i < summary.Categories.Count; i++)
        {
            var c = summary.Categories[i];
            var y = Top + (i * row);
            var width = c.People / (double)max * (Width - 420);
            svg.Append(Text(4, y + 20, Short(c.Category), "start"));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"120\" y=\"{y + 4}\" width=\"{F(width)}\" height=\"22\" fill=\"{Palette[i]}\"/>");
            svg.Append(Text(128 + width, y + 20, FrenchText.Plural(c.People, "personne", "personnes") + ", " + FrenchText.Plural(c.Records, "enregistrement", "enregistrements"), "start"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// A step line of a level over time (the dashboard's risk of one account): <paramref name="steps"/> are the
    /// changes, in time order, each holding until the next; the level before the first is 0.
    /// </summary>
    public static string LevelsOverTime(string title, IReadOnlyList<(DateTimeOffset At, int Level)> steps, IReadOnlyList<string> levelNames,
        DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var max = Math.Max(1, levelNames.Count - 1);
        var span = Math.Max(1, (to - from).Ticks);
        double X(DateTimeOffset t) => Left + ((Math.Clamp(t.Ticks - from.Ticks, 0, span) / (double)span) * (Width - Left - Right));
        double Y(int value) => Top + ((1 - (value / (double)max)) * (Height - Top - Bottom));

        // Level names are wider than numbers: the axis labels go on the right, in the legend's column.
        var svg = Open(title);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#555\"/>");
        for (var level = 0; level <= max; level++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{F(Y(level))}\" x2=\"{Width - Right}\" y2=\"{F(Y(level))}\" stroke=\"#ddd\"/>");
            svg.Append(Text(Width - Right + 8, Y(level) + 4, levelNames[level], "start"));
        }

        svg.Append(Text(Left, Height - 12, FrenchText.DateTime(from, zone), "start"));
        svg.Append(Text(Width - Right, Height - 12, FrenchText.DateTime(to, zone), "end"));
        var current = Math.Clamp(steps.LastOrDefault(s => s.At < from).Level, 0, max);
        var points = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{F(X(from))},{F(Y(current))}");
        foreach (var (at, level) in steps.Where(s => s.At >= from && s.At <= to))
        {
            points.Append(CultureInfo.InvariantCulture, $" {F(X(at))},{F(Y(current))} {F(X(at))},{F(Y(Math.Clamp(level, 0, max)))}");
            current = Math.Clamp(level, 0, max);
        }

        points.Append(CultureInfo.InvariantCulture, $" {F(X(to))},{F(Y(current))}");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{Palette[0]}\" stroke-width=\"2\" points=\"{points}\"/>");
        return svg.Append("</svg>").ToString();
    }

    private static string Short(DisclosedData category) => category switch
    {
        DisclosedData.Identity => "Identité",
        DisclosedData.Phone => "Téléphone",
        DisclosedData.Email => "Courriel",
        _ => "Adresse postale",
    };

    private static StringBuilder Open(string title) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");

    private static void Axes(StringBuilder svg, int max, Func<int, double> y)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#555\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#555\"/>");
        foreach (var tick in new[] { 0, max / 2, max }.Distinct())
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left - 4}\" y1=\"{F(y(tick))}\" x2=\"{Width - Right}\" y2=\"{F(y(tick))}\" stroke=\"#ddd\"/>");
            svg.Append(Text(Left - 8, y(tick) + 4, FrenchText.Number(tick), "end"));
        }
    }

    private static string Text(double x, double y, string text, string anchor) =>
        string.Create(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\" font-size=\"12\" font-family=\"sans-serif\" text-anchor=\"{anchor}\">{WebUtility.HtmlEncode(text)}</text>");

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
