package co.vigia.vote.rollcall;

import co.vigia.contracts.Chamber;
import co.vigia.contracts.Ids;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Which body voted; {@code name} is required for a committee, e.g. "Comisión Primera Constitucional". */
public record Body(@NotNull BodyKind kind, @Size(max = 200) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE) String name) {

    /** The name events and reads show: the given one, or the chamber's plenary. */
    public String displayName(Chamber chamber) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        if (kind == BodyKind.PLENARY) {
            return chamber == Chamber.SENATE ? "Plenaria del Senado" : "Plenaria de la Cámara de Representantes";
        }
        return kind.name();
    }
}
