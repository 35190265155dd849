namespace Vigie.Core.Detection;

/// <summary>
/// The patients of one request, deduplicated and looked up once: their keys, care links, whether each is new to the
/// session, and how many are new in each window of the session and of the account. Scratch reused under the lock.
/// </summary>
internal sealed class RequestPatients
{
    private readonly HashSet<ulong> _seen = [];
    private ulong[] _keys = new ulong[32];
    private bool[] _unlinked = new bool[32];
    private bool[] _newToSession = new bool[32];

    public int Count { get; private set; }

    public bool Canary { get; private set; }

    public bool AnyUnlinked { get; private set; }

    public int NewToSession { get; private set; }

    public ulong Key(int i) => _keys[i];

    public bool Unlinked(int i) => _unlinked[i];

    public bool IsNewToSession(int i) => _newToSession[i];

    public void Load(AccessEvent request, IPatientFacts facts, SlidingDistinct session, SlidingDistinct account, int[] sessionCounts, int[] accountCounts)
    {
        Count = 0;
        Canary = false;
        AnyUnlinked = false;
        NewToSession = 0;
        Array.Clear(sessionCounts);
        Array.Clear(accountCounts);
        var patients = request.Patients;
        if (patients.Count > _keys.Length)
        {
            var size = Math.Max(patients.Count, _keys.Length * 2);
            _keys = new ulong[size];
            _unlinked = new bool[size];
            _newToSession = new bool[size];
        }

        var large = patients.Count > 32;
        if (large)
        {
            _seen.Clear();
        }

        for (var i = 0; i < patients.Count; i++)
        {
            var key = DetectionHash.Of(patients[i].Value);
            if (large ? !_seen.Add(key) : Array.IndexOf(_keys, key, 0, Count) >= 0)
            {
                continue;
            }

            var known = facts.TryGet(patients[i], out var f);
            var unlinked = !known || !f.IsLinkedTo(request.Establishment);
            Canary |= known && f.Canary;
            AnyUnlinked |= unlinked;
            var inSession = session.NewIn(key);
            var inAccount = account.NewIn(key);
            for (var w = 0; w < SlidingDistinct.WindowCount; w++)
            {
                sessionCounts[w] += (inSession >> w) & 1;
                accountCounts[w] += (inAccount >> w) & 1;
            }

            _keys[Count] = key;
            _unlinked[Count] = unlinked;
            _newToSession[Count] = (inSession & (1 << (SlidingDistinct.WindowCount - 1))) != 0;
            NewToSession += _newToSession[Count] ? 1 : 0;
            Count++;
        }

        for (var w = 0; w < SlidingDistinct.WindowCount; w++)
        {
            sessionCounts[w] += session.Distinct(w);
            accountCounts[w] += account.Distinct(w);
        }
    }
}
