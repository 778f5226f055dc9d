namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>The names of an account's fields, the same in the API's JSON, its problem details and the console's form.</summary>
public static class AccountFields
{
    public const string FullName = "fullName";
    public const string Email = "email";
    public const string OrganisationId = "organisationId";
    public const string Role = "role";

    public const int MaxFullNameLength = 200;
}
