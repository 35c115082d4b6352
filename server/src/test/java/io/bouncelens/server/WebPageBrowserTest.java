package io.bouncelens.server;

import io.bouncelens.Bouncelens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web page in Debian's headless Chromium, driven as a person would: paste a bounce, read the
 * card, switch to Traditional Chinese, open the dashboard. Saves the screenshots the README shows.
 */
class WebPageBrowserTest {

    RunningServer running;
    WebDriver browser;
    /** The browser's profile, files it opens and downloads: removed after each test. */
    @TempDir
    Path scratch;

    @BeforeEach
    void start() throws Exception {
        ExternalServices.requireChromium();
        running = RunningServer.embedded();
        Path profile = scratch.resolve("chromium-profile");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ExternalServices.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ExternalServices.CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--lang=en-US", "--user-data-dir=" + profile);
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) browser.quit();
        if (running != null) running.close();
    }

    @Test
    void pastesABounceReadsTheCardInTraditionalChineseAndOpensTheDashboard() throws Exception {
        // Something on the dashboard: a hard bounce, a sender-side block and a soft bounce.
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            for (String bounce : List.of(TestBounces.USER_UNKNOWN, TestBounces.BLOCKED, TestBounces.MAILBOX_FULL)) {
                assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(bounce))).startsWith("250");
            }
        }
        String base = "http://127.0.0.1:" + running.server.httpPort() + "/";
        browser.get(base);

        String bounce = new String(TestBounces.bytes(TestBounces.USER_UNKNOWN), StandardCharsets.UTF_8);
        pasteAndDiagnose(bounce);

        WebElement card = waitFor(() -> browser.findElements(By.cssSelector("#cards .card")).stream().findFirst().orElse(null));
        assertThat(card.findElement(By.cssSelector(".who")).getText()).isEqualTo("gone.away@mail.example.org");
        assertThat(card.findElement(By.cssSelector(".badge.reason")).getAttribute("data-reason")).isEqualTo("userunknown");
        assertThat(card.getAttribute("class")).contains("hard");
        String english = card.findElement(By.cssSelector(".explanation")).getText();
        assertThat(english).isNotBlank();
        assertThat(card.findElement(By.cssSelector(".fix")).getText()).isNotBlank();
        saveScreenshot("screenshot.png");

        browser.findElement(By.cssSelector("button[data-lang='zh-TW']")).click();
        String traditional = explanationFromApi(bounce, "zh-TW");
        String simplified = explanationFromApi(bounce, "zh-CN");
        assertThat(traditional).isNotEqualTo(simplified).containsPattern("\\p{IsHan}");
        waitFor(() -> {
            List<WebElement> shown = browser.findElements(By.cssSelector("#cards .card .explanation"));
            return !shown.isEmpty() && shown.get(0).getText().equals(traditional) ? shown.get(0) : null;
        });
        assertThat(browser.findElement(By.cssSelector("button[data-view='diagnose']")).getText()).isEqualTo("診斷");
        assertThat(browser.findElement(By.cssSelector("#cards .card .badge.hard")).getText()).isEqualTo("硬退信");
        // who acts and whether to retry in the words the terminal's text uses (one table for both)
        String facts = browser.findElement(By.cssSelector("#cards .card .facts")).getText();
        assertThat(facts).contains(io.bouncelens.emit.ActionWords.of(io.bouncelens.Actor.RECIPIENT_ADDRESS, io.bouncelens.Lang.ZH_TW))
                .contains(io.bouncelens.emit.ActionWords.of(io.bouncelens.Retry.NEVER, io.bouncelens.Lang.ZH_TW))
                .contains("寄件人：更正或刪除該地址");

        browser.findElement(By.cssSelector("button[data-view='dashboard']")).click();
        waitFor(() -> browser.findElements(By.cssSelector("#chart svg rect")).isEmpty() ? null : Boolean.TRUE);
        WebElement alert = waitFor(() -> browser.findElements(By.cssSelector("#alerts li.alert")).stream().findFirst().orElse(null));
        assertThat(alert.getText()).contains("spamhaus");
        assertThat(browser.findElement(By.id("view-dashboard")).getText()).contains("退信趨勢");
        waitFor(() -> browser.findElements(By.cssSelector("#reasons tr")).size() >= 3 ? Boolean.TRUE : null);
        saveScreenshot("screenshot-dashboard.png");

        // a reason the dashboard counts opens what the reference says of it
        WebElement reason = waitFor(() -> browser.findElements(By.cssSelector("#reasons a.reference-link[href='#reference/userunknown']"))
                .stream().findFirst().orElse(null));
        reason.click();
        waitFor(() -> "view-reference".equals(activeView()) ? Boolean.TRUE : null);
        JsonNode unknown = running.api.get("/api/v1/reference/userunknown").json().get("replies");
        waitFor(() -> browser.findElements(By.cssSelector("#ref-table tbody tr")).size() == unknown.size() ? Boolean.TRUE : null);
        assertThat(browser.findElement(By.id("ref-section")).getDomProperty("value")).isEqualTo("userunknown");
        // every provider's way of saying it is there, each row naming whose it is
        String tencentName = null;
        for (JsonNode s : running.api.get("/api/v1/reference?lang=zh-TW").json().get("sections")) {
            if (s.get("id").asText().equals("tencent")) tencentName = s.get("name").asText();
        }
        long fromTencent = 0;
        for (JsonNode r : unknown) if ("tencent".equals(r.path("provider").asText())) fromTencent++;
        assertThat(fromTencent).isPositive();
        List<WebElement> named = browser.findElements(By.cssSelector("#ref-table tbody tr .ref-provider"));
        assertThat(named).extracting(WebElement::getText).contains(tencentName);
        String name = tencentName;
        browser.findElement(By.id("ref-filter")).sendKeys(name);
        long expected = fromTencent;
        waitFor(() -> browser.findElements(By.cssSelector("#ref-table tbody tr:not([hidden])")).size() == expected ? Boolean.TRUE : null);
    }

    @Test
    void aReplyLineWithoutAStatusShowsItsPseudoCodeAsSuch() throws Exception {
        browser.get("http://127.0.0.1:" + running.server.httpPort() + "/");
        browser.findElement(By.id("input")).sendKeys("550 Mailbox not found");
        browser.findElement(By.id("diagnose")).click();
        WebElement card = waitFor(() -> browser.findElements(By.cssSelector("#cards .card")).stream().findFirst().orElse(null));
        assertThat(card.findElement(By.cssSelector(".facts")).getText())
                .contains("550 5.0.911 (no status given: the reason's pseudo code)")
                // what was pasted is the reply itself: not quoted back
                .doesNotContain("Server said");
    }

    @Test
    void aNoticeInAnUnknownLayoutShowsTheServersReplyWithoutTheNoticesWords() throws Exception {
        browser.get("http://127.0.0.1:" + running.server.httpPort() + "/");
        String notice = String.join("\n", "From: mailer-daemon@sender.example", "To: alice@sender.example",
                "Subject: Message undeliverable", "", "The following recipient(s) could not be reached:", "",
                "bob@remote.example", "   Error Type: SMTP", "   Remote server (198.51.100.7) issued an error.",
                "   Remote server replied: 550 5.1.1 <bob@remote.example>: Recipient address rejected: User unknown", "");
        browser.findElement(By.id("input")).sendKeys(notice);
        browser.findElement(By.id("diagnose")).click();
        WebElement card = waitFor(() -> browser.findElements(By.cssSelector("#cards .card")).stream().findFirst().orElse(null));
        assertThat(card.findElement(By.cssSelector(".who")).getText()).isEqualTo("bob@remote.example");
        assertThat(card.findElement(By.cssSelector(".facts")).getText())
                .contains("Server said\n550 5.1.1 <bob@remote.example>: Recipient address rejected: User unknown")
                .doesNotContain("Error Type");
    }

    @Test
    void pastedLinesOfAMailServersLogGiveACardPerFailedRecipientWithItsLineNumber() throws Exception {
        browser.get("http://127.0.0.1:" + running.server.httpPort() + "/");
        String log = String.join("\n",
                "Dec  6 10:00:00 mx postfix/smtpd[1200]: connect from client.example.org[198.51.100.7]",
                "Dec  6 10:00:02 mx postfix/smtp[1234]: 4ABC123: to=<gone@example.com>, relay=mx.example.com[192.0.2.1]:25, "
                        + "delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.1] said: "
                        + "550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command))",
                "2026-12-06 10:00:05 1vQmZc-0003Ab-7x ** full@example.jp R=dnslookup T=remote_smtp H=mx.example.jp [192.0.2.8]: "
                        + "SMTP error from remote mail server after RCPT TO:<full@example.jp>: 552 5.2.2 Mailbox full");
        pasteAndDiagnose(log);

        waitFor(() -> browser.findElements(By.cssSelector("#cards .card")).size() == 2 ? Boolean.TRUE : null);
        List<WebElement> cards = browser.findElements(By.cssSelector("#cards .card"));
        assertThat(cards.get(0).findElement(By.cssSelector(".who")).getText()).isEqualTo("gone@example.com");
        assertThat(cards.get(0).findElement(By.cssSelector(".reason")).getAttribute("data-reason")).isEqualTo("userunknown");
        assertThat(cards.get(0).findElement(By.cssSelector(".facts")).getText()).contains("Log line\n2");
        assertThat(cards.get(1).findElement(By.cssSelector(".who")).getText()).isEqualTo("full@example.jp");
        assertThat(cards.get(1).findElement(By.cssSelector(".reason")).getAttribute("data-reason")).isEqualTo("mailboxfull");
        assertThat(cards.get(1).findElement(By.cssSelector(".facts")).getText()).contains("Log line\n3");
    }

    @Test
    void aPastedOpenSmtpdLineIsReadAsALogLine() throws Exception {
        browser.get("http://127.0.0.1:" + running.server.httpPort() + "/");
        pasteAndDiagnose("Dec  6 10:00:09 mx3 smtpd[75295]: 5df87c9b982c840c mta delivery evpid=3d4c4a424797fe79 "
                + "from=<news@example.org> to=<gone@example.com> rcpt=<-> source=\"192.0.2.50\" "
                + "relay=\"192.0.2.1 (mx.example.com)\" delay=2s result=\"PermFail\" "
                + "stat=\"550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown\"");

        WebElement card = waitFor(() -> browser.findElements(By.cssSelector("#cards .card")).stream().findFirst().orElse(null));
        assertThat(card.findElement(By.cssSelector(".who")).getText()).isEqualTo("gone@example.com");
        assertThat(card.findElement(By.cssSelector(".facts")).getText()).contains("Log line\n1");
    }

    @Test
    void aPastedOrOpenedExchangeTrackingLogIsReadByItsFieldsLine() throws Exception {
        browser.get("http://127.0.0.1:" + running.server.httpPort() + "/");
        String log = String.join("\r\n",
                "#Software: Microsoft Exchange Server",
                "#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,"
                        + "source,event-id,internal-message-id,message-id,recipient-address,recipient-status,"
                        + "total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address",
                "2026-12-06T08:00:03.000Z,192.0.2.10,EX01,192.0.2.1,mx.example.com,,Internet,SMTP,FAIL,7001,"
                        + "<m1@contoso.example>,gone@example.com,\"[{LRT=};{LED=550 5.1.1 <gone@example.com>: "
                        + "Recipient address rejected: User unknown};{FQDN=mx.example.com};{IP=192.0.2.1}]\","
                        + "8192,1,,,Invoice,billing@contoso.example");
        pasteAndDiagnose(log);

        waitFor(() -> browser.findElements(By.cssSelector("#cards .card")).size() == 1 ? Boolean.TRUE : null);
        WebElement card = browser.findElement(By.cssSelector("#cards .card"));
        assertThat(card.findElement(By.cssSelector(".who")).getText()).isEqualTo("gone@example.com");
        assertThat(card.findElement(By.cssSelector(".reason")).getAttribute("data-reason")).isEqualTo("userunknown");
        assertThat(card.findElement(By.cssSelector(".facts")).getText()).contains("Log line\n3");

        // the same log opened as a file, as Exchange writes it: UTF-8 with a byte order mark
        browser.findElement(By.id("clear")).click();
        Path file = scratch.resolve("MSGTRK20261206-1.LOG");
        Files.write(file, ("\uFEFF" + log + "\r\n").getBytes(StandardCharsets.UTF_8));
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        WebElement opened = waitFor(() -> browser.findElements(By.cssSelector("#cards .card")).stream().findFirst().orElse(null));
        assertThat(opened.findElement(By.cssSelector(".who")).getText()).isEqualTo("gone@example.com");
        assertThat(opened.findElement(By.cssSelector(".facts")).getText()).contains("Log line\n3");
    }

    @Test
    void aPastedWebhookBodyGivesACardPerBouncedRecipientAndComplaintWithItsEventNumber() throws Exception {
        browser.get("http://127.0.0.1:" + running.server.httpPort() + "/");
        String events = "[{\"email\":\"gone@example.com\",\"event\":\"bounce\",\"status\":\"5.1.1\","
                + "\"reason\":\"550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown\",\"sg_event_id\":\"1\"},"
                + "{\"email\":\"fan@example.com\",\"event\":\"open\",\"sg_event_id\":\"2\"},"
                + "{\"email\":\"angry@example.com\",\"event\":\"spamreport\",\"sg_event_id\":\"3\"}]";
        pasteAndDiagnose(events);

        waitFor(() -> browser.findElements(By.cssSelector("#cards .card")).size() == 2 ? Boolean.TRUE : null);
        List<WebElement> cards = browser.findElements(By.cssSelector("#cards .card"));
        assertThat(cards.get(0).findElement(By.cssSelector(".who")).getText()).isEqualTo("gone@example.com");
        assertThat(cards.get(0).findElement(By.cssSelector(".reason")).getAttribute("data-reason")).isEqualTo("userunknown");
        assertThat(cards.get(0).findElement(By.cssSelector(".facts")).getText()).contains("Event\n1");
        assertThat(cards.get(1).findElement(By.cssSelector(".who")).getText()).isEqualTo("angry@example.com");
        assertThat(cards.get(1).findElement(By.cssSelector(".reason")).getAttribute("data-reason")).isEqualTo("feedback");
        assertThat(cards.get(1).findElement(By.cssSelector(".facts")).getText()).contains("Event\n3");
    }

    @Test
    void theDashboardNamesProvidersAsAReaderOfThePagesLanguageKnowsThem() throws Exception {
        try (SmtpClient smtp = new SmtpClient(running.smtpPort())) {
            for (String bounce : List.of(TestBounces.QQ_RATE_LIMITED, TestBounces.USER_UNKNOWN)) {
                assertThat(smtp.send("", "bounces@sender.example", TestBounces.bytes(bounce))).startsWith("250");
            }
        }
        browser.get("http://127.0.0.1:" + running.server.httpPort() + "/");
        browser.findElement(By.cssSelector("button[data-lang='zh-CN']")).click();
        browser.findElement(By.cssSelector("button[data-view='dashboard']")).click();

        String tencent = Bouncelens.standard().providerName("tencent", io.bouncelens.Lang.ZH_CN);
        assertThat(tencent).startsWith("腾讯");
        // the provider's row, by name (its id in the title), linking to its codes in the reference
        WebElement row = waitFor(() -> browser.findElements(By.cssSelector("#providers td")).stream()
                .filter(td -> td.getText().equals(tencent)).findFirst().orElse(null));
        assertThat(row.getAttribute("title")).isEqualTo("tencent");
        assertThat(row.findElement(By.cssSelector("a.reference-link")).getAttribute("href")).endsWith("#reference/tencent");
        // the mail with no provider is counted under "other", in Chinese
        waitFor(() -> browser.findElements(By.cssSelector("#providers td")).stream()
                .anyMatch(td -> td.getText().equals("其他")) ? Boolean.TRUE : null);
        // the sender-side alert (sending too fast) names the provider the same way
        WebElement badge = waitFor(() -> browser.findElements(By.cssSelector("#alerts li.alert .badge.provider")).stream()
                .findFirst().orElse(null));
        assertThat(badge.getText()).isEqualTo(tencent);
    }

    @Test
    void everyWordOfThePageIsThereInEachLanguageAndEveryReasonHasAName() {
        browser.get("http://127.0.0.1:" + running.server.httpPort() + "/");
        // a key missing in one language shows the English word on a Chinese page
        Object missing = ((JavascriptExecutor) browser).executeScript(
                "var I = window.BL_I18N, out = [];"
                + "function walk(a, b, path) { for (var k in a) {"
                + "  if (!(k in b)) out.push(path + k);"
                + "  else if (typeof a[k] === 'object') walk(a[k], b[k], path + k + '.'); } }"
                + "['zh-CN', 'zh-TW'].forEach(function (l) { walk(I.en, I[l], l + ' lacks '); walk(I[l], I.en, 'en lacks '); });"
                + "return out;");
        assertThat((List<?>) missing).isEmpty();
        List<String> reasonNames = ((List<?>) ((JavascriptExecutor) browser)
                .executeScript("return Object.keys(window.BL_I18N.en.reason);")).stream().map(String::valueOf).toList();
        for (io.bouncelens.Reason r : io.bouncelens.Reason.values()) {
            assertThat(reasonNames).as("a name for " + r.label()).contains(r.label());
        }
        List<String> actors = ((List<?>) ((JavascriptExecutor) browser)
                .executeScript("return Object.keys(window.BL_I18N['zh-CN'].actor);")).stream().map(String::valueOf).toList();
        for (io.bouncelens.Actor a : io.bouncelens.Actor.values()) assertThat(actors).as("words for " + a.label()).contains(a.label());
    }

    @Test
    void theViewIsInTheAddressSoABookmarkOrReloadOpensItAndBackReturns() throws Exception {
        running.api.postJson("/api/v1/suppressions", "{\"address\":\"bookmarked@example.org\"}");
        String base = "http://127.0.0.1:" + running.server.httpPort() + "/";

        browser.get(base + "#suppressions");
        waitFor(() -> rowFor("bookmarked@example.org"));
        assertThat(activeView()).isEqualTo("view-suppressions");

        browser.findElement(By.cssSelector("button[data-view='dashboard']")).click();
        waitFor(() -> "view-dashboard".equals(activeView()) ? Boolean.TRUE : null);
        assertThat(browser.getCurrentUrl()).endsWith("/#dashboard");
        browser.navigate().refresh();
        waitFor(() -> browser.findElements(By.cssSelector("#chart svg")).isEmpty() ? null : Boolean.TRUE);
        assertThat(activeView()).isEqualTo("view-dashboard");

        browser.navigate().back();
        waitFor(() -> "view-suppressions".equals(activeView()) ? Boolean.TRUE : null);
        waitFor(() -> rowFor("bookmarked@example.org"));

        browser.get(base + "#no-such-view");
        assertThat(activeView()).isEqualTo("view-diagnose");
    }

    /** The view shown, as a screen reader would be told it too: its tab, and only its tab, selected. */
    private String activeView() {
        String shown = browser.findElement(By.cssSelector("section.view.active")).getAttribute("id");
        List<WebElement> selected = browser.findElements(By.cssSelector(".tab[aria-selected='true']"));
        if (selected.size() != 1 || !shown.equals(selected.get(0).getAttribute("aria-controls"))) {
            return shown + ", but the tabs selected for screen readers: "
                    + selected.stream().map(t -> t.getAttribute("aria-controls")).toList();
        }
        return shown;
    }

    @Test
    void theBounceCodesListAProvidersRepliesWithTheirMeaningAndALinkOpensOneProvider() throws Exception {
        String base = "http://127.0.0.1:" + running.server.httpPort() + "/";
        JsonNode netease = running.api.get("/api/v1/reference/netease?lang=zh-TW").json();
        int replies = netease.get("replies").size();
        assertThat(replies).isGreaterThan(1);

        // a link straight to one provider's codes, in Traditional Chinese
        browser.get(base + "#reference/netease");
        browser.findElement(By.cssSelector(".lang[data-lang='zh-TW']")).click();
        waitFor(() -> "view-reference".equals(activeView()) ? Boolean.TRUE : null);
        List<WebElement> rows = waitFor(() -> {
            List<WebElement> found = browser.findElements(By.cssSelector("#ref-table tbody tr"));
            return found.size() == replies && found.get(0).getText().contains(netease.get("replies").get(0).get("fix").asText())
                    ? found : null;
        });
        assertThat(browser.findElement(By.id("ref-section")).getDomProperty("value")).isEqualTo("netease");
        assertThat(browser.findElement(By.cssSelector("#ref-table th")).getText()).isEqualTo("回覆");
        for (WebElement row : rows) {
            assertThat(row.findElement(By.cssSelector("td.reply")).getText()).isNotBlank();
            assertThat(row.findElement(By.cssSelector(".badge.reason")).getAttribute("data-reason")).isNotBlank();
        }
        saveScreenshot("screenshot-reference.png");

        // the filter keeps the rows that say it
        String word = netease.get("replies").get(replies - 1).get("diagnosticCode").asText();
        browser.findElement(By.id("ref-filter")).sendKeys(word);
        waitFor(() -> browser.findElements(By.cssSelector("#ref-table tbody tr:not([hidden])")).size() < replies ? Boolean.TRUE : null);
        assertThat(browser.findElements(By.cssSelector("#ref-table tbody tr:not([hidden])")))
                .isNotEmpty().allMatch(row -> row.getText().contains(word));
        browser.findElement(By.id("ref-filter")).clear();
        browser.findElement(By.id("ref-filter")).sendKeys("no reply says this ~~~");
        waitFor(() -> browser.findElement(By.id("ref-status")).getText().isEmpty() ? null : Boolean.TRUE);
        assertThat(browser.findElement(By.id("ref-status")).getText()).isEqualTo("沒有符合篩選條件的回覆。");

        // another section is chosen, and the address follows it
        browser.findElement(By.id("ref-filter")).clear();
        browser.findElement(By.id("ref-section")).click();
        browser.findElement(By.cssSelector("#ref-section option[value='tencent']")).click();
        int tencent = running.api.get("/api/v1/reference/tencent").json().get("replies").size();
        waitFor(() -> browser.findElements(By.cssSelector("#ref-table tbody tr")).size() == tencent ? Boolean.TRUE : null);
        assertThat(browser.getCurrentUrl()).endsWith("/#reference/tencent");
    }

    @Test
    void onAPhoneSizedScreenNoViewScrollsSideways() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(400, 800));
        String base = "http://127.0.0.1:" + running.server.httpPort() + "/";
        int tencent = running.api.get("/api/v1/reference/tencent").json().get("replies").size();
        browser.get(base + "#reference/tencent");
        waitFor(() -> browser.findElements(By.cssSelector("#ref-table tbody tr")).size() == tencent ? Boolean.TRUE : null);
        assertThat(sidewaysOverflow()).as("reference").isLessThanOrEqualTo(0L);
        browser.get(base + "#diagnose");
        pasteAndDiagnose("550 Ip frequency limited");
        waitFor(() -> browser.findElements(By.cssSelector("#cards .card")).isEmpty() ? null : Boolean.TRUE);
        assertThat(sidewaysOverflow()).as("diagnose").isLessThanOrEqualTo(0L);
    }

    /** How far the page is wider than the window, in CSS pixels. */
    private long sidewaysOverflow() {
        return (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    @Test
    void aCardFromAKnownProviderLinksToAllOfItsCodes() throws Exception {
        browser.get("http://127.0.0.1:" + running.server.httpPort() + "/");
        browser.findElement(By.id("input")).sendKeys("550 Ip frequency limited");
        browser.findElement(By.id("diagnose")).click();
        WebElement link = waitFor(() -> browser.findElements(By.cssSelector("#cards .card a.provider-codes")).stream()
                .findFirst().orElse(null));
        String provider = running.api.postJson("/api/v1/diagnose", "{\"reply\":\"550 Ip frequency limited\"}")
                .json().get("provider").asText();
        // the card names the provider as the reference does in the page's language, not by its id
        String lang = (String) ((JavascriptExecutor) browser).executeScript("return document.documentElement.lang;");
        String name = null;
        for (JsonNode s : running.api.get("/api/v1/reference?lang=" + lang).json().get("sections")) {
            if (s.get("id").asText().equals(provider)) name = s.get("name").asText();
        }
        assertThat(name).isNotNull().isNotEqualTo(provider);
        String expected = name;
        waitFor(() -> browser.findElement(By.cssSelector("#cards .card .facts")).getText().contains(expected) ? Boolean.TRUE : null);
        link.click();
        waitFor(() -> "view-reference".equals(activeView()) ? Boolean.TRUE : null);
        int replies = running.api.get("/api/v1/reference/" + provider).json().get("replies").size();
        waitFor(() -> browser.findElements(By.cssSelector("#ref-table tbody tr")).size() == replies ? Boolean.TRUE : null);
        assertThat(browser.findElement(By.id("ref-section")).getDomProperty("value")).isEqualTo(provider);
        assertThat(browser.getCurrentUrl()).endsWith("/#reference/" + provider);
        // the reply pasted is among them, read the same way
        assertThat(browser.findElement(By.id("ref-table")).getText()).contains("550 Ip frequency limited");
    }

    // as a mail server's log exported on a Chinese (GBK) and a Taiwanese (Big5) Windows machine
    @ParameterizedTest(name = "{0}")
    @CsvSource({"GBK, 550 该用户不存在", "Big5, 550 此帳號不存在"})
    void aLogFileSavedInAChineseCharsetIsShownAndReadInChinese(String charset, String reply) throws Exception {
        browser.get("http://127.0.0.1:" + running.server.httpPort() + "/");
        Path log = scratch.resolve("maillog-" + charset + ".txt");
        Files.write(log, ("Dec  6 10:00:05 mx postfix/smtp[12]: 6C3D2: to=<xiaoming@qq.com>, relay=mx3.qq.com[203.0.113.31]:25, "
                + "delay=1, dsn=5.0.0, status=bounced (host mx3.qq.com[203.0.113.31] said: " + reply + " "
                + "(in reply to RCPT TO command))\n").getBytes(charset));
        browser.findElement(By.id("file")).sendKeys(log.toAbsolutePath().toString());
        WebElement card = waitFor(() -> browser.findElements(By.cssSelector("#cards .card")).stream().findFirst().orElse(null));
        assertThat(card.findElement(By.cssSelector(".who")).getText()).isEqualTo("xiaoming@qq.com");
        assertThat(card.findElement(By.cssSelector(".badge.reason")).getAttribute("data-reason")).isEqualTo("userunknown");
        // what was opened is shown as the Chinese it is, not as replacement marks or another charset's reading
        assertThat(browser.findElement(By.id("input")).getDomProperty("value")).contains(reply);
    }

    @Test
    void readsADroppedEmlFileAndKeepsTheSuppressionListByHand() throws Exception {
        browser.get("http://127.0.0.1:" + running.server.httpPort() + "/");
        Path eml = scratch.resolve("bounce.eml");
        Files.write(eml, TestBounces.bytes(TestBounces.MAILBOX_FULL));
        browser.findElement(By.id("file")).sendKeys(eml.toAbsolutePath().toString());
        WebElement card = waitFor(() -> browser.findElements(By.cssSelector("#cards .card")).stream().findFirst().orElse(null));
        assertThat(card.findElement(By.cssSelector(".who")).getText()).isEqualTo("full.box@mail.example.org");
        assertThat(card.findElement(By.cssSelector(".badge.reason")).getAttribute("data-reason")).isEqualTo("mailboxfull");
        assertThat(card.getAttribute("class")).contains("soft");

        running.api.postJson("/api/v1/suppressions", "{\"address\":\"other@example.org\"}");
        browser.findElement(By.cssSelector("button[data-view='suppressions']")).click();
        waitFor(() -> rowFor("other@example.org"));
        browser.findElement(By.id("add-address")).sendKeys("Someone@Example.NET");
        browser.findElement(By.id("add-note")).sendKeys("unsubscribed by phone");
        browser.findElement(By.cssSelector("#add-form button[type='submit']")).click();
        waitFor(() -> rowFor("someone@example.net"));
        assertThat(running.api.get("/api/v1/suppressions/someone@example.net").json().get("note").asText())
                .isEqualTo("unsubscribed by phone");

        browser.findElement(By.id("search")).sendKeys("example.net");
        waitFor(() -> rowFor("other@example.org") == null && rowFor("someone@example.net") != null ? Boolean.TRUE : null);

        waitFor(() -> {
            rowFor("someone@example.net").findElement(By.cssSelector("button.remove")).click();
            return Boolean.TRUE;
        });
        waitFor(() -> rowFor("someone@example.net") == null ? Boolean.TRUE : null);
        assertThat(running.api.get("/api/v1/suppressions/someone@example.net").status()).isEqualTo(404);
        assertThat(running.api.get("/api/v1/suppressions/other@example.org").status()).isEqualTo(200);
    }

    @Test
    void theSuppressionListLeavesAsACsvDownloadAndEntersFromACsvFile() throws Exception {
        running.close();
        running = RunningServer.start(RunningServer.config(scratch.resolve("data"))
                .withToken("page-token"));
        ApiClient api = running.api.withToken("page-token");
        api.postJson("/api/v1/suppressions", "{\"address\":\"kept@example.org\",\"note\":\"asked, by phone\"}");
        api.postJson("/api/v1/suppressions", "{\"address\":\"other@example.net\",\"note\":\"客戶要求退訂\"}");
        Path downloads = Files.createDirectories(scratch.resolve("downloads"));
        ((org.openqa.selenium.chromium.HasCdp) browser).executeCdpCommand("Browser.setDownloadBehavior",
                java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.get("http://127.0.0.1:" + running.server.httpPort() + "/");
        browser.findElement(By.cssSelector("header details.token summary")).click();
        browser.findElement(By.id("token")).sendKeys("page-token", Keys.TAB);
        browser.findElement(By.cssSelector("button[data-view='suppressions']")).click();
        waitFor(() -> rowFor("kept@example.org"));

        browser.findElement(By.id("export-csv")).click();
        Path exported = downloads.resolve("suppressions.csv");
        waitFor(() -> Files.exists(exported) ? Boolean.TRUE : null);
        // a byte order mark first, so that a spreadsheet reads the Chinese note as UTF-8
        byte[] bytes = Files.readAllBytes(exported);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("address,");
        assertThat(lines.get(1)).startsWith("kept@example.org,manual,").endsWith(",\"asked, by phone\"");
        assertThat(lines.get(2)).startsWith("other@example.net,manual,").endsWith(",客戶要求退訂");

        Path list = scratch.resolve("list.csv"); // as Excel saves "CSV UTF-8", with a byte order mark
        Files.writeString(list, "\uFEFFaddress,reason,source,since,note\r\nnew.one@example.com,,,,from the old system\r\n"
                + "kept@example.org\r\nnot an address\r\n");
        browser.findElement(By.id("import-csv")).sendKeys(list.toAbsolutePath().toString());
        waitFor(() -> rowFor("new.one@example.com"));
        WebElement note = browser.findElement(By.id("sup-note"));
        waitFor(() -> note.getText().isEmpty() ? null : Boolean.TRUE);
        assertThat(note.getText()).isEqualTo("Imported: 1 added, 1 already on the list, 1 lines without an address.");
        assertThat(api.get("/api/v1/suppressions/new.one@example.com").json().get("note").asText())
                .isEqualTo("from the old system");

        // as Excel on a Chinese Windows saves plain "CSV": GBK, its note read as the Chinese it is
        Path gbk = scratch.resolve("list-gbk.csv");
        Files.write(gbk, "address,reason,source,since,note\r\ngbk.one@example.com,,,,客户电话要求退订\r\n".getBytes("GBK"));
        browser.findElement(By.id("import-csv")).sendKeys(gbk.toAbsolutePath().toString());
        waitFor(() -> rowFor("gbk.one@example.com"));
        assertThat(api.get("/api/v1/suppressions/gbk.one@example.com").json().get("note").asText()).isEqualTo("客户电话要求退订");
    }

    @Test
    void aServerWithATokenShowsItsStoredBouncesOnlyOnceThePageIsGivenTheToken() throws Exception {
        running.close();
        running = RunningServer.start(RunningServer.config(scratch.resolve("data"))
                .withToken("page-token"));
        assertThat(running.api.withToken("page-token")
                .postJson("/api/v1/suppressions", "{\"address\":\"kept@example.org\"}").status()).isEqualTo(201);
        browser.get("http://127.0.0.1:" + running.server.httpPort() + "/");

        browser.findElement(By.cssSelector("button[data-view='suppressions']")).click();
        WebElement status = browser.findElement(By.id("sup-status"));
        waitFor(() -> status.getText().contains("API token") ? Boolean.TRUE : null);
        assertThat(rowFor("kept@example.org")).isNull();

        // the token field sits in the page's header, so the dashboard can use it as well
        browser.findElement(By.cssSelector("header details.token summary")).click();
        browser.findElement(By.id("token")).sendKeys("page-token", Keys.TAB);
        waitFor(() -> rowFor("kept@example.org"));
        assertThat(status.getText()).isEmpty();
    }

    /** Pastes the text into the input, as a person would (all at once: typing would turn its tabs into focus changes), and asks. */
    private void pasteAndDiagnose(String text) {
        WebElement input = browser.findElement(By.id("input"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, text);
        browser.findElement(By.id("diagnose")).click();
    }

    private WebElement rowFor(String address) {
        for (WebElement row : browser.findElements(By.cssSelector("#suppressions tbody tr"))) {
            List<WebElement> cells = row.findElements(By.cssSelector("td.addr"));
            if (!cells.isEmpty() && cells.get(0).getText().equals(address)) return row;
        }
        return null;
    }

    private String explanationFromApi(String bounce, String lang) {
        JsonNode results = running.api.post("/api/v1/diagnose?lang=" + lang, "message/rfc822",
                bounce.getBytes(StandardCharsets.UTF_8)).json().get("results");
        return results.get(0).get("explanation").asText();
    }

    private <T> T waitFor(Supplier<T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                T value = condition.get();
                if (value != null) return value;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                // the page redrew the list while we read it; look again
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the page did not get there within 15 s; it shows: "
                + browser.findElement(By.tagName("body")).getText());
    }

    /**
     * Always into server/target/screenshots; into the repository's docs/ (which the README shows)
     * with -Dbouncelens.screenshots=update, so an ordinary test run does not leave a changed
     * binary in every working tree.
     */
    private void saveScreenshot(String name) throws Exception {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        assertThat(png).startsWith(new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path target = Files.createDirectories(module.resolve("target/screenshots"));
        Files.write(target.resolve(name), png);
        if ("update".equals(System.getProperty("bouncelens.screenshots"))) {
            Files.write(Files.createDirectories(module.getParent().resolve("docs")).resolve(name), png);
        }
    }
}
