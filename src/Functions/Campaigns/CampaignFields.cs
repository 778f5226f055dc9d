using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// Reads the fields of a campaign to start (from the API's JSON or the console's form) into a <see cref="StartCampaign"/>,
/// with a Vietnamese message per bad field. The rules of a campaign itself (deadline after today, offsets 1..365, …)
/// stay <see cref="Campaign.Start"/>'s.
/// </summary>
public static class CampaignFields
{
    /// <summary>The request, or null with <paramref name="errors"/> filled.</summary>
    public static StartCampaign? Read(StartCampaignRequest body, string id, string? callerOrganisationId, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(errors);
        string? office = string.IsNullOrWhiteSpace(body.OfficeOrganisationId) ? callerOrganisationId : body.OfficeOrganisationId.Trim();
        if (string.IsNullOrEmpty(office))
        {
            errors["officeOrganisationId"] = ["Đề nghị chọn tổ chức chủ trì đợt chỉ đạo."];
        }

        CampaignRequirementKind? kind = null;
        if (Enum.TryParse<CampaignRequirementKind>(body.Requirement, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
        {
            kind = parsed;
        }
        else
        {
            errors["requirement"] = ["Đề nghị chọn yêu cầu của đợt: ban hành quy chế, sửa đổi theo quy chế mẫu hoặc rà soát."];
        }

        if (body.Deadline is null)
        {
            errors["deadline"] = ["Đề nghị ghi hạn hoàn thành."];
        }

        List<OrganisationType> types = [];
        foreach (string text in body.OrganisationTypes ?? [])
        {
            if (Enum.TryParse<OrganisationType>(text, ignoreCase: false, out var type) && Enum.IsDefined(type))
            {
                types.Add(type);
            }
            else
            {
                errors["organisationTypes"] = [$"Loại hình tổ chức “{text}” không có trong danh mục."];
            }
        }

        bool hasNumber = !string.IsNullOrWhiteSpace(body.DocumentNumber);
        if (hasNumber != (body.DocumentDate is not null))
        {
            errors["documentNumber"] = ["Văn bản chỉ đạo cần có cả số và ngày ban hành."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var document = hasNumber
            ? new DirectingDocument(body.DocumentNumber!.Trim(), body.DocumentDate!.Value,
                string.IsNullOrWhiteSpace(body.DocumentFileReference) ? null : body.DocumentFileReference.Trim())
            : null;
        return new StartCampaign(id, office!, body.Title ?? "", new CampaignRequirement(kind!.Value, body.ModelIssuedOn), body.Deadline!.Value,
            types, body.EndsOn, document, body.ReminderDaysBefore);
    }
}
