namespace QuyCheWorkflow.Domain.Tests;

public sealed class FilingTests
{
    [Fact]
    public void Acknowledge_SentFiling_RecordsWhoAndWhen()
    {
        Filing filing = NewFiling();

        filing.Acknowledge("duk-van-phong", TestData.Days(2));

        Assert.Equal(FilingStatus.Acknowledged, filing.Status);
        Assert.Equal("duk-van-phong", filing.RespondedBy);
        Assert.Equal(TestData.Days(2), filing.RespondedAt);
    }

    [Fact]
    public void Return_AfterAcknowledge_ThrowsNamingState()
    {
        Filing filing = NewFiling();
        filing.Acknowledge("duk-van-phong", TestData.Days(2));

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(
            () => filing.Return(["Sửa Điều 3."], "duk-van-phong", TestData.Days(3)));

        Assert.Equal("Cannot return the filing: filing is Acknowledged.", error.Message);
    }

    [Fact]
    public void Return_WithoutReasons_Throws()
    {
        Filing filing = NewFiling();

        DomainException error = Assert.Throws<DomainException>(() => filing.Return([" "], "duk-van-phong", TestData.Days(3)));

        Assert.Equal(RefusalCode.FilingReturnReasonMissing, error.Code);

        Assert.Equal(FilingStatus.Sent, filing.Status);
    }

    [Fact]
    public void Schedule_SentOnThursdayBeforeTet_RemindsOnWorkingDaysAt0800()
    {
        Filing filing = new("filing-1", "reg-1", "01-QC/ĐU", "duk", "van-phong", new DateTimeOffset(2027, 2, 4, 3, 0, 0, TimeSpan.Zero));
        FilingReminderPolicy policy = new() { FirstAfterWorkingDays = 2, IntervalWorkingDays = 3, MaxReminders = 2 };

        IReadOnlyList<DateTimeOffset> reminders = policy.Schedule(filing, Calendars.Tet2027);

        Assert.Equal(
            [
                new DateTimeOffset(2027, 2, 15, 1, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 2, 18, 1, 0, 0, TimeSpan.Zero),
            ],
            reminders);
    }

    [Fact]
    public void Schedule_SentLateEveningUtc_CountsFromVietnamDate()
    {
        Filing filing = new("filing-1", "reg-1", "01-QC/ĐU", "duk", "van-phong", new DateTimeOffset(2026, 11, 5, 18, 0, 0, TimeSpan.Zero));
        FilingReminderPolicy policy = new() { FirstAfterWorkingDays = 1, MaxReminders = 1 };

        IReadOnlyList<DateTimeOffset> reminders = policy.Schedule(filing, PublicHolidayCalendar.Empty);

        Assert.Equal([new DateTimeOffset(2026, 11, 9, 1, 0, 0, TimeSpan.Zero)], reminders);
    }

    [Fact]
    public void Schedule_AcknowledgedFiling_IsEmpty()
    {
        Filing filing = NewFiling();
        filing.Acknowledge("duk-van-phong", TestData.Days(1));

        IReadOnlyList<DateTimeOffset> reminders = FilingReminderPolicy.Default.Schedule(filing, PublicHolidayCalendar.Empty);

        Assert.Empty(reminders);
    }

    private static Filing NewFiling() => new("filing-1", "reg-1", "01-QC/ĐU", "duk", "van-phong", TestData.T0);
}
