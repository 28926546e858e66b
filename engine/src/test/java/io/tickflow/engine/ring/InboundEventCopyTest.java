package io.tickflow.engine.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.Test;

class InboundEventCopyTest {
    /** Every public field gets a value unlike the default, so a field copyFrom forgets shows up. */
    @Test
    void aCopyCarriesEveryFieldAndTheText() throws IllegalAccessException {
        InboundEvent source = new InboundEvent();
        long n = 1;
        for (Field f : InboundEvent.class.getFields()) {
            if (Modifier.isFinal(f.getModifiers())) {
                continue;
            }
            Class<?> t = f.getType();
            if (t == long.class) {
                f.setLong(source, 1_000 + n++);
            } else if (t == int.class) {
                f.setInt(source, (int) (1_000 + n++));
            } else if (t == boolean.class) {
                f.setBoolean(source, true);
            } else if (t.isEnum()) {
                Object[] constants = t.getEnumConstants();
                f.set(source, constants[constants.length - 1]);
            } else {
                throw new AssertionError("a field of a type this test does not know: " + f);
            }
        }
        source.setText("reason");

        InboundEvent copy = new InboundEvent();
        copy.copyFrom(source);

        for (Field f : InboundEvent.class.getFields()) {
            if (!Modifier.isFinal(f.getModifiers())) {
                assertThat(f.get(copy)).as(f.getName()).isEqualTo(f.get(source));
            }
        }
        assertThat(copy.text.toString()).isEqualTo("reason");
        assertThat(copy.text).isNotSameAs(source.text);
    }
}
