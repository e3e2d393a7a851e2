package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The console in a real headless Chromium, authenticated the way a browser is: by the token cookie. */
class AdminConsoleIT {

    private static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        var options = new ChromeOptions().setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"))
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdministratorWatchesConnectionsAndMessagesChangeLive() throws Exception {
        browser.get(TestServer.http("/health/live").toString());
        browser.manage().addCookie(new Cookie("switchboard_token", Tokens.admin(Rest.unique("root")), "/"));
        browser.get(TestServer.http("/admin/").toString());
        assertThat(browser.getTitle()).isEqualTo("Switchboard console");

        long connectionsBefore = figure("connections");
        long messagesBefore = figure("messages");
        String alice = Rest.unique("alice");
        String conversation = Rest.direct(Tokens.user(alice), Rest.unique("bob"));
        try (Chat chat = Chat.connect(Tokens.user(alice), "a")) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(
                    () -> assertThat(figure("connections")).isEqualTo(connectionsBefore + 1));
            chat.sendMessage(conversation, "seen-by-admin", "count me");
            await().atMost(Duration.ofSeconds(15)).untilAsserted(
                    () -> assertThat(figure("messages")).isGreaterThanOrEqualTo(messagesBefore + 1));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(
                () -> assertThat(figure("connections")).isEqualTo(connectionsBefore));
    }

    @Test
    void theConsoleIsClosedToAnonymousVisitorsAndPlainUsers() throws Exception {
        assertThat(Rest.call(HttpRequest.newBuilder(TestServer.http("/admin/"))).status()).isEqualTo(401);
        var plainUser = HttpRequest.newBuilder(TestServer.http("/admin/"))
                .header("Cookie", "switchboard_token=" + Tokens.user(Rest.unique("alice")));
        assertThat(Rest.call(plainUser).status()).isEqualTo(403);
    }

    /** The live poll re-renders the figures: an element found just before a refresh is gone, so find it again. */
    private static long figure(String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Long.parseLong(browser.findElement(By.id(id)).getText().strip());
            } catch (StaleElementReferenceException refreshed) {
                if (attempt == 5) {
                    throw refreshed;
                }
            }
        }
    }
}
