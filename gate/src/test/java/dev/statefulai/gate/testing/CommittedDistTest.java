package dev.statefulai.gate.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test of the rules that compare with a git ref: each test starts from a fresh {@link CommittedDist} in its own temp folder. */
public abstract class CommittedDistTest {
    @TempDir
    protected Path tmp;
    protected CommittedDist dist;

    @BeforeEach
    protected void gitRepo() {
        dist = new CommittedDist(tmp);
    }
}
