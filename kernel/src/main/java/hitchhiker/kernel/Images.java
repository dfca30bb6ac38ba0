package hitchhiker.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Cell values that Jupyter shows as pictures: an image in memory, or the path of a PNG file
 * (what the examples write, such as the Julia set), as {@code image/png} beside their text.
 */
final class Images {

    private Images() {
    }

    /** The display of {@code value} as a PNG image, when it is one. */
    static Optional<DisplayData> display(Object value) {
        byte[] png;
        if (value instanceof RenderedImage image) {
            png = encode(image);
        } else if (pngFile(value) instanceof Path file) {
            try {
                png = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the image " + file, e);
            }
        } else {
            return Optional.empty();
        }
        DisplayData data = new DisplayData(String.valueOf(value));
        data.putData(MIMEType.IMAGE_PNG, Base64.getEncoder().encodeToString(png));
        return Optional.of(data);
    }

    private static Path pngFile(Object value) {
        Path p = value instanceof Path path ? path : value instanceof File f ? f.toPath() : null;
        if (p == null || !p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) return null;
        return Files.isRegularFile(p) ? p : null;
    }

    private static byte[] encode(RenderedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) throw new IllegalArgumentException("no PNG writer for " + image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
