package dev.statefulai.cli;

import dev.statefulai.engine.demo.DemoRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test whose every case starts from a fresh demo repository (apps/demo, no dist/ yet) in its own folder {@link #tmp}. */
abstract class DemoRepoTest {
    @TempDir
    Path tmp;

    DemoRepo repo;

    @BeforeEach
    void writeDemoRepo() {
        repo = new DemoRepo(tmp);
    }
}
