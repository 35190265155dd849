using Vigie.Core.Access;

namespace Vigie.Simulation.Trace;

/// <summary>Ground truth for scoring: this session is an attacker's, playing this playbook in this attack.</summary>
/// <param name="Session">The attacker's session id.</param>
/// <param name="Professional">The account the attacker uses (the victim).</param>
/// <param name="Playbook">The playbook's name (see <c>Playbooks.Playbook</c>).</param>
/// <param name="Attack">The attack it belongs to (one attack may use several accounts and sessions).</param>
public sealed record AttackLabel(string Session, NationalId Professional, string Playbook, string Attack);
