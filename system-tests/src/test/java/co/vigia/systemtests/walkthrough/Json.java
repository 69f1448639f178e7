package co.vigia.systemtests.walkthrough;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the walkthrough runner. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }
}
