package dev.statefulai.facts.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CronTest {

    private static long gap(String schedule) {
        return Cron.parse(schedule).orElseThrow().longestGapMinutes().orElseThrow();
    }

    @Test
    void aDailyScheduleLosesAtMostADay() {
        assertEquals(1440, gap("0 3 * * *"));
        assertEquals(1440, gap("@daily"));
        assertEquals("1 day", Cron.describeMinutes(gap("30 2 * * *")));
    }

    @Test
    void listsRangesAndStepsSpreadTheRuns() {
        assertEquals(360, gap("0 */6 * * *"));
        assertEquals(360, gap("0 0,6,12,18 * * *"));
        assertEquals(60, gap("15 * * * *"));
        // 08:00 to 20:00 every hour: the night is the longest gap, 20:00 to 08:00
        assertEquals(12 * 60, gap("0 8-20 * * *"));
        assertEquals(15, gap("0/15 * * * *"));
    }

    @Test
    void weekdaysOnlyLeaveTheWeekendOpen() {
        // Friday 01:00 to Monday 01:00
        assertEquals(3 * 1440, gap("0 1 * * 1-5"));
        assertEquals(7 * 1440, gap("@weekly"));
    }

    /** robfig/cron dayMatches: with both day fields restricted, either one matching runs the schedule. */
    @Test
    void dayOfMonthOrDayOfWeekWhenBothAreRestricted() {
        // The 1st of a month or a Monday: never more than a week apart (both at once would be years apart).
        assertEquals(7 * 1440, gap("0 0 1 * 1"));
        assertTrue(gap("0 0 1 * 1") < gap("@monthly"));
    }

    @Test
    void monthlyGapIsTheLongestMonth() {
        assertEquals(31 * 1440, gap("@monthly"));
    }

    @Test
    void refusesWhatEitherToolRefuses() {
        for (String bad : List.of("", "0 3 * *", "0 3 * * * *", "60 3 * * *", "0 24 * * *", "0 3 0 * *", "0 3 * 13 *",
                "0 3 * * 7", "0 3 * * MON", "@every 1h", "*/0 * * * *", "5-2 * * * *")) {
            assertEquals(Optional.empty(), Cron.parse(bad), bad);
        }
    }

    @Test
    void keepsAreHoursMinutesOrSeconds() {
        assertEquals(Optional.of(720 * 3600L), Durations.seconds("720h"));
        assertEquals("30 days", Durations.describe("720h"));
        assertEquals("36 h", Durations.describe("36h"));
        assertEquals("90 min", Durations.describe("90m"));
        assertEquals(Optional.empty(), Durations.seconds("30d"));
        assertEquals(Optional.empty(), Durations.seconds("720h0m0s"));
    }
}
