package org.pediconsult.platform.internal.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.osgi.framework.Bundle;

/**
 * Lists a bundle's migration scripts straight from its jar ({@link Bundle#findEntries}), so Flyway
 * needs no class-path scanning, which does not work across OSGi class loaders.
 */
final class BundleMigrationResources implements ResourceProvider {
    private final Bundle bundle;
    private final String folder;

    BundleMigrationResources(Bundle bundle, String folder) {
        this.bundle = bundle;
        this.folder = folder;
    }

    @Override
    public LoadableResource getResource(String name) {
        URL url = bundle.getEntry(folder + "/" + name);
        return url == null ? null : new Script(folder + "/" + name, name, url);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(folder, prefix + "*", false);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String file = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
            for (String suffix : suffixes) {
                if (file.endsWith(suffix)) {
                    found.add(new Script(folder + "/" + file, file, url));
                    break;
                }
            }
        }
        return found;
    }

    private static final class Script extends LoadableResource {
        private final String path;
        private final String file;
        private final URL url;

        Script(String path, String file, URL url) {
            this.path = path;
            this.file = file;
            this.url = url;
        }

        @Override
        public Reader read() {
            try (InputStream in = url.openStream()) {
                return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + path, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return url.toString();
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return path;
        }
    }
}
