package hitchhiker.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens a generated report in headless Chromium: the page must load every chart and picture, and
 * its screenshot must show them. On CI (CI=true) a missing browser is a failure, not a skip:
 * .ci/run installs Debian's chromium.
 */
@Timeout(180)
class ReportInBrowserTest {

    @TempDir
    Path dir;

    private HeadlessChromium chromium;
    private Path page;

    @BeforeEach
    void writeReportAndFindBrowser() throws Exception {
        var binary = HeadlessChromium.find();
        if (binary.isEmpty()) {
            String why = "no chromium: not on the PATH, or $HHG_CHROMIUM is not executable (Debian package 'chromium')";
            if ("true".equals(System.getenv("CI"))) fail(why + ": CI must install it");
            Assumptions.abort(why);
        }
        chromium = new HeadlessChromium(binary.get(), dir);
        page = SyntheticRuns.report(dir).writeTo(dir.resolve("report"));
    }

    @Test
    void everyChartAndPictureLoads() throws Exception {
        String dom = chromium.dumpDom(page);
        assertThat(dom).contains("data-images-loaded=\"true\"", "data-images=\"5\"", "data-broken-images=\"0\"");
        assertThat(Pattern.compile("<img class=\"chart\"").matcher(dom).results().count()).isEqualTo(4);
        assertThat(Pattern.compile("<img class=\"picture\"").matcher(dom).results().count()).isEqualTo(1);
    }

    @Test
    void theScreenshotShowsChartsAndThePicture() throws Exception {
        Path png = chromium.screenshot(page, dir.resolve("report.png"), 1280, 6000);
        BufferedImage shot = ImageIO.read(png.toFile());
        assertThat(shot.getWidth()).isEqualTo(1280);
        Set<Integer> colours = new HashSet<>();
        int pictureColour = 0, barColour = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (near(rgb, SyntheticRuns.PICTURE_COLOUR)) pictureColour++;
                if (near(rgb, new Color(0x1f77b4))) barColour++;
            }
        }
        assertThat(colours).as("distinct colours: not a blank page").hasSizeGreaterThan(50);
        // The 400 × 300 picture is 80% filled with its colour; the charts' bars and lines are blue.
        assertThat(pictureColour).as("pixels of the embedded picture").isGreaterThan(320 * 240 * 9 / 10);
        assertThat(barColour).as("pixels of the charts' blue bars and lines").isGreaterThan(5_000);
    }

    private static boolean near(int rgb, Color c) {
        return Math.abs(((rgb >> 16) & 0xFF) - c.getRed()) <= 8 && Math.abs(((rgb >> 8) & 0xFF) - c.getGreen()) <= 8
                && Math.abs((rgb & 0xFF) - c.getBlue()) <= 8;
    }
}
