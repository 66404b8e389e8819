package dev.statefulai.synth.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Kubernetes quantities as the capacity comparison of the binding proof needs them. */
class CheckQuantityTest {

    @Test
    void binaryAndDecimalSuffixes() {
        assertEquals(0, new BigDecimal("1024").compareTo(Quantity.parse("1Ki")));
        assertEquals(0, new BigDecimal("1073741824").compareTo(Quantity.parse("1Gi")));
        assertEquals(0, new BigDecimal("1099511627776").compareTo(Quantity.parse("1Ti")));
        assertEquals(0, new BigDecimal("3145728").compareTo(Quantity.parse("3Mi")));
        assertEquals(0, new BigDecimal("1000").compareTo(Quantity.parse("1k")));
        assertEquals(0, new BigDecimal("5000000").compareTo(Quantity.parse("5M")));
        assertEquals(0, new BigDecimal("2000000000").compareTo(Quantity.parse("2G")));
        assertEquals(0, new BigDecimal("1000000000000").compareTo(Quantity.parse("1T")));
        assertEquals(0, new BigDecimal("0.5").compareTo(Quantity.parse("500m")));
        assertEquals(0, new BigDecimal("1500").compareTo(Quantity.parse("1.5e3")));
        assertEquals(0, new BigDecimal("42").compareTo(Quantity.parse("42")));
    }

    @Test
    void comparesAcrossSuffixes() {
        assertTrue(Quantity.parse("1Ti").compareTo(Quantity.parse("1T")) > 0);
        assertTrue(Quantity.parse("1000Gi").compareTo(Quantity.parse("1Ti")) < 0);
        assertEquals(0, Quantity.parse("0.5Ti").compareTo(Quantity.parse("512Gi")));
    }

    @Test
    void rejectsGarbage() {
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("10 GB"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("10Xi"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse(""));
    }
}
