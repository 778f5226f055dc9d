using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.OfficeConsole.Organisations;

/// <summary>What the organisation page shows: the organisation, its place in the tree and its regulations.</summary>
/// <param name="Organisation">The organisation as stored.</param>
/// <param name="Version">The stored version (ETag) the edit form was filled from.</param>
/// <param name="Parent">The upper level, or null for a root.</param>
/// <param name="ParentReachable">True when the signed-in person may open the upper level's page.</param>
/// <param name="Children">The organisations directly below, by name.</param>
/// <param name="Regulations">The organisation's regulations, newest first.</param>
public sealed record OrganisationView(
    Organisation Organisation,
    string Version,
    OrganisationLink? Parent,
    bool ParentReachable,
    IReadOnlyList<OrganisationLink> Children,
    IReadOnlyList<RegulationLink> Regulations);

