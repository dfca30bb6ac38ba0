package hitchhiker.report;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A picture an example wrote, as a {@code data:} URI so the report is one file that opens offline.
 *
 * <p>Raster images wider or taller than {@value #MAX_SIDE} pixels are scaled down and
 * re-encoded as PNG before embedding: a 2000 × 2000 Julia set would otherwise add megabytes to a
 * page that shows it at a few hundred pixels. The note says so and where the full image is.
 *
 * @param dataUri the image as a {@code data:} URI
 * @param note    what was done to it, e.g. "scaled from 2000 × 2000", or empty
 */
record EmbeddedImage(String dataUri, String note) {

    /** Longest side, in pixels, of an embedded raster image. */
    static final int MAX_SIDE = 1000;

    private static final Map<String, String> TYPES = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif",
            "svg", "image/svg+xml", "webp", "image/webp");

    /** The image's media type from its file name, or empty when it is not a picture. */
    static Optional<String> mediaType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        return Optional.ofNullable(TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** Reads and encodes a picture; {@code file} must have a {@link #mediaType}. */
    static EmbeddedImage of(Path file) throws IOException {
        String type = mediaType(file).orElseThrow(() -> new IllegalArgumentException(file + " is not a picture"));
        byte[] bytes = Files.readAllBytes(file);
        if (!type.equals("image/svg+xml") && !type.equals("image/webp")) {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null) throw new IOException("not a readable " + type + " image");
            int w = image.getWidth(), h = image.getHeight();
            if (Math.max(w, h) > MAX_SIDE) {
                double scale = (double) MAX_SIDE / Math.max(w, h);
                return new EmbeddedImage(dataUri("image/png", png(scaled(image, scale))),
                        String.format(Locale.ROOT, "scaled from %d × %d; full size: %s", w, h, file.toAbsolutePath()));
            }
        }
        return new EmbeddedImage(dataUri(type, bytes), "");
    }

    /** {@code data:<type>;base64,...} */
    static String dataUri(String type, byte[] bytes) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** Halves (bilinear) until within a factor two, then one last step: each pixel sees all its sources. */
    private static BufferedImage scaled(BufferedImage image, double scale) {
        int targetW = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int targetH = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage current = image;
        do {
            int w = Math.max(targetW, current.getWidth() / 2);
            int h = Math.max(targetH, current.getHeight() / 2);
            BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (current.getWidth() > targetW || current.getHeight() > targetH);
        return current;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
