package org.quizroom.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the report's figures, at its edges. */
class ReportStatisticsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleAndOfAnEvenCountTheRoundedMeanOfTheTwoMiddles() {
        assertThat(ReportStatistics.median(List.of())).isNull();
        assertThat(ReportStatistics.median(List.of(700L))).isEqualTo(700L);
        assertThat(ReportStatistics.median(List.of(900L, 100L, 500L))).isEqualTo(500L);
        assertThat(ReportStatistics.median(List.of(100L, 400L, 401L, 9000L))).isEqualTo(401L); // 400.5 half up
    }

    @Test
    void percentagesAreWholeNumbersRoundedHalfUpAndNullWithNothingToDivide() {
        assertThat(ReportStatistics.percent(0, 0)).isNull();
        assertThat(ReportStatistics.percent(7, 8)).isEqualTo(88); // 87.5
        assertThat(ReportStatistics.percent(2, 3)).isEqualTo(67);
        assertThat(ReportStatistics.percent(1, 8)).isEqualTo(13); // 12.5
    }

    @Test
    void scoreBandsHaveARoundWidthAtMostEightBandsAndCoverTheTopScore() {
        assertThat(ReportStatistics.histogram(List.of())).isEmpty();
        assertThat(ReportStatistics.histogram(List.of(0, 0))).containsExactly(new Report.ScoreBand(0, 0, 2));
        assertThat(ReportStatistics.histogram(List.of(0, 350, 700))).containsExactly(new Report.ScoreBand(0, 99, 1),
                new Report.ScoreBand(100, 199, 0), new Report.ScoreBand(200, 299, 0), new Report.ScoreBand(300, 399, 1),
                new Report.ScoreBand(400, 499, 0), new Report.ScoreBand(500, 599, 0), new Report.ScoreBand(600, 699, 0),
                new Report.ScoreBand(700, 799, 1));
        List<Report.ScoreBand> hall = ReportStatistics.histogram(List.of(0, 12_345, 36_000, 36_000));
        assertThat(hall).hasSizeLessThanOrEqualTo(8);
        assertThat(hall.get(0).to() - hall.get(0).from() + 1).isEqualTo(5000);
        assertThat(hall.stream().mapToInt(Report.ScoreBand::players).sum()).isEqualTo(4);
        assertThat(hall.get(hall.size() - 1).players()).isEqualTo(2);
    }
}
