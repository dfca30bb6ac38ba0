package hitchhiker.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version line of {@code --version}: Hitchhiker's version and the JDK running it. */
final class Version implements CommandLine.IVersionProvider {

    static String hitchhiker() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "hhg " + hitchhiker() + " (The Hitchhiker's Guide to Parallelism, in Java)",
            "JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores"
        };
    }
}
