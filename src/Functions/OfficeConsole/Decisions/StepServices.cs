using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.OfficeConsole.Decisions;

/// <summary>The services every step handler uses, bound from the app's services (<c>[AsParameters]</c>).</summary>
public sealed record StepServices(
    RegulationWorkflow Workflow,
    LifecycleStores Stores,
    OrganisationAccess Access,
    RequestLog Requests,
    IOptions<OfficeApiOptions> Options,
    TimeProvider Clock,
    IAntiforgery Antiforgery);
