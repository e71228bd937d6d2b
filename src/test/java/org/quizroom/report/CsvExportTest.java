package org.quizroom.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Formula starters are defused wherever a spreadsheet could start a cell, and nowhere else. */
class CsvExportTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a;=2+5;b        | a;'=2+5;b",
            "=HYPERLINK(1)   | '=HYPERLINK(1)",
            "+44 123         | '+44 123",
            "-2+3            | '-2+3",
            "@SUM(A1)        | '@SUM(A1)",
            "`x, =1+1`       | `x, '=1+1`",
            "`x,  @cmd`      | `x,  '@cmd`",
            "Zoë             | Zoë",
            "e=mc2           | e=mc2",
            "De-Stalinization | De-Stalinization",
            "a;b             | a;b",
    })
    void defusesFormulaStartersAtTheStartAndAfterAnySeparator(String given, String expected) {
        assertThat(CsvExport.defuse(given)).isEqualTo(expected);
    }

    @Test
    void lineBreaksAndTabsCountAsSeparators() {
        assertThat(CsvExport.defuse("x\t=1")).isEqualTo("x\t'=1");
        assertThat(CsvExport.defuse("x\n+1")).isEqualTo("x\n'+1");
        assertThat(CsvExport.defuse("x\r\n-1")).isEqualTo("x\r\n'-1");
        assertThat(CsvExport.defuse("x|=1")).isEqualTo("x|'=1");
    }
}
