package dev.statefulai.engine.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code fingerprint that tells an incremental synth (and a watch) that the code was rebuilt. */
class CodeFingerprintTest {
    @TempDir
    Path tmp;

    @Test
    void aRebuiltJarOrAClassAddedToAFolderChangesIt() throws IOException {
        Path jar = Files.writeString(tmp.resolve("lib.jar"), "jar v1");
        Path classes = Files.createDirectories(tmp.resolve("classes/dev"));
        Files.writeString(classes.resolve("A.class"), "a");
        String classPath = jar + File.pathSeparator + tmp.resolve("classes");
        String before = CodeFingerprint.ofClassPath(classPath);
        assertEquals(before, CodeFingerprint.ofClassPath(classPath), "the same code, the same fingerprint");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        String rebuilt = CodeFingerprint.ofClassPath(classPath);
        assertNotEquals(before, rebuilt, "a jar written again");

        Files.writeString(classes.resolve("B.class"), "b");
        assertNotEquals(rebuilt, CodeFingerprint.ofClassPath(classPath), "a class added");
    }
}
