package dev.statefulai.synth;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the apps of a synth come from, by class name, so that a synth worker process (see
 * {@link ParallelSynth}) finds the same apps as the process that started it. The default discovers
 * the apps under {@code apps/} ({@link AppCatalog#discover}); a fleet benchmark supplies its own.
 * Implementations need a public no-argument constructor.
 */
public interface CatalogSource {

    /** The apps of the repository at {@code root}, loading their classes with {@code parent}. */
    List<AppCatalog.App> apps(Path root, ClassLoader parent);

    /** The apps found under {@code apps/}. */
    final class Discovered implements CatalogSource {
        @Override
        public List<AppCatalog.App> apps(Path root, ClassLoader parent) {
            return AppCatalog.discover(root, parent).apps();
        }
    }
}
