package co.vigia.starter.limits;

import co.vigia.starter.web.DateBounds;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How the services read JSON: bounded ({@code StreamReadConstraints}: document, string and number length, nesting)
 * and strict: a key given twice, a number where text belongs, {@code 1.5} for a whole number, {@code 1} for a
 * boolean or an enum, anything after the value, and a date outside {@link DateBounds} are refused, each naming its
 * field.
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static StreamReadConstraints constraints(WebLimits.Json json) {
        return StreamReadConstraints.builder()
                .maxDocumentLength(json.maxDocumentLength().toBytes())
                .maxStringLength(json.maxStringLength())
                .maxNestingDepth(json.maxNestingDepth())
                .maxNumberLength(json.maxNumberLength())
                .build();
    }

    /** A builder on a bounded factory, with the strict features; Boot's customizers are applied after this. */
    public static JsonMapper.Builder builder(WebLimits.Json json) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints(json))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        return strict(JsonMapper.builder(factory));
    }

    static JsonMapper.Builder strict(JsonMapper.Builder builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, whole -> whole
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, decimal -> decimal
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, bool -> bool
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .addModule(new SimpleModule("vigia-date-bounds").setDeserializerModifier(new BoundedDates()));
    }

    /** Wraps the java.time deserializers so that a date outside {@link DateBounds} is an input error of its field. */
    private static final class BoundedDates extends ValueDeserializerModifier {
        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                                                       ValueDeserializer<?> deserializer) {
            Class<?> type = bean.getBeanClass();
            return DateBounds.isBounded(type) ? new Bounded(deserializer, type) : deserializer;
        }
    }

    private static final class Bounded extends DelegatingDeserializer {
        private final Class<?> type;

        Bounded(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Bounded(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(p, context);
            try {
                return DateBounds.check(value);
            } catch (DateBounds.OutOfRange e) {
                return context.reportInputMismatch(type, "%s", e.getMessage());
            }
        }
    }
}
