package io.switchboard.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of an in-server test: the business components as the build compiled them, in a library jar as the
 * EAR holds them (entities, persistence.xml, beans.xml, migrations), beside the test classes and AssertJ. Importing
 * the output directory, not packages by name, keeps the unit tests that share those packages out of the server.
 */
public final class InServer {

    private static JavaArchive components;

    private InServer() {
    }

    public static WebArchive deployment(Class<?> test, Class<?>... helpers) {
        return ShrinkWrap.create(WebArchive.class, test.getSimpleName() + ".war")
                .addAsLibrary(components())
                .addAsLibrary(jarOf(Assertions.class))
                .addClass(test)
                .addClasses(helpers);
    }

    /**
     * Read into memory once per test run: several engineers build in one working tree, and a compile running beside
     * the tests rewrites target/classes while later deployments would still be reading it.
     */
    private static synchronized JavaArchive components() {
        if (components == null) {
            var zip = new ByteArrayOutputStream();
            ShrinkWrap.create(ExplodedImporter.class, "messaging-ejb.jar").importDirectory(classesDirectory())
                    .as(ZipExporter.class).exportTo(zip);
            components = ShrinkWrap.create(ZipImporter.class, "messaging-ejb.jar")
                    .importFrom(new ByteArrayInputStream(zip.toByteArray())).as(JavaArchive.class);
        }
        return components;
    }

    private static File classesDirectory() {
        File classes = new File(System.getProperty("switchboard.classes", "target/classes"));
        if (!new File(classes, "META-INF/persistence.xml").isFile()) {
            throw new IllegalStateException("no compiled business components in " + classes.getAbsolutePath());
        }
        return classes;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
