package co.vigia.starter.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which raw query strings are refused, and that the reason names the parameter. */
class QueryStringFilterTests {

    @Test
    void brokenEscapesUndecodableBytesAndControlCharactersAreRefusedNamingTheParameter() {
        assertThat(QueryStringFilter.firstProblem("q=%")).startsWith("parameter 'q': the value is not");
        assertThat(QueryStringFilter.firstProblem("page=1&x=%zz")).startsWith("parameter 'x'");
        assertThat(QueryStringFilter.firstProblem("x=%C3%28")).startsWith("parameter 'x'");
        assertThat(QueryStringFilter.firstProblem("%=1")).startsWith("a parameter: its name");
        assertThat(QueryStringFilter.firstProblem("q=a%00b")).isEqualTo(
                "parameter 'q': must not hold control characters or bidi overrides");
        assertThat(QueryStringFilter.firstProblem("q=%E2%80%AEevil")).contains("bidi");
    }

    @Test
    void wellFormedQueryStringsPass() {
        assertThat(QueryStringFilter.firstProblem("q=Ley+de+v%C3%ADctimas&size=10&since=2024-01-01T00%3A00%3A00Z"))
                .isNull();
        assertThat(QueryStringFilter.firstProblem("flag&empty=&x=%2F%5C")).isNull();
    }
}
