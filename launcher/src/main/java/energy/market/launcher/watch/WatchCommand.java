package energy.market.launcher.watch;

import energy.market.client.Backoff;
import energy.market.client.Channels;
import energy.market.client.ClientTls;
import energy.market.client.MarketAddress;
import energy.market.client.ShutdownHook;
import energy.market.client.cli.ClientTlsOptions;
import energy.market.client.cli.CommandFailure;
import energy.market.client.cli.MarketAddressOption;
import energy.market.launcher.feed.MarketFeed;
import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.MarketStatus;
import energy.market.launcher.view.LiveView;
import energy.market.launcher.view.PlainLines;
import energy.market.launcher.view.Views;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code energy-market watch}: follows a running market's price feed and shows it live. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    version = "energy-market 0.1.0",
    description = {
      "Shows a running market live: on a terminal a dashboard redrawn in place (the price chart"
          + " of the last days, today's temperature, active events, the day's bought, sold and"
          + " given energy, the homes and the time of the last tick); one line per day when the"
          + " output is not a terminal; or a chart window with --gui. Follows"
          + " Market/StreamPrices and reconnects by itself when the market restarts. Ctrl-C"
          + " stops it.",
      "Exit codes: 0 stopped after --until-day or the window closed; 1 no display for --gui;"
          + " 2 bad options; 130 Ctrl-C (SIGINT); 143 SIGTERM.",
      ""
    })
public final class WatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MarketAddressOption market;

  @Mixin ClientTlsOptions tlsOptions;

  @Option(
      names = "--days-shown",
      paramLabel = "N",
      description = "Days the price chart shows (default: ${DEFAULT-VALUE}).",
      defaultValue = "60")
  int daysShown;

  @Option(
      names = "--until-day",
      paramLabel = "N",
      description =
          "Stop once day N has closed; 0 to watch until Ctrl-C (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  long untilDay;

  @Option(names = "--plain", description = "One line per day even on a terminal (default: off).")
  boolean plain;

  @Option(
      names = "--gui",
      description = "A chart window instead of the terminal view; needs a display (default: off).")
  boolean gui;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    MarketAddress address = market.address();
    ClientTls tls;
    try {
      tls = tlsOptions.resolve();
      if (daysShown < 1 || daysShown > 10_000) {
        throw new IllegalArgumentException(
            "--days-shown " + daysShown + " is out of range 1..10000");
      }
      if (untilDay < 0) {
        throw new IllegalArgumentException("--until-day " + untilDay + " is negative");
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (gui && GuiChart.unavailable() != null) {
      throw new CommandFailure(1, GuiChart.unavailable());
    }

    ManagedChannel channel = Channels.open(address, tls);
    MarketFeed feed = new MarketFeed(channel, true);
    MarketStatus status = firstStatus(feed, address, out);
    long fromDay = Math.max(1, status.day() - daysShown);
    out.printf(
        Locale.ROOT,
        "watching the market at %s: day %d (%s), %d homes connected%n",
        address,
        status.day(),
        status.phase(),
        status.homesConnected());
    out.flush();

    CompletableFuture<Integer> done = new CompletableFuture<>();
    String title = "energy-market watch | market " + address;
    LiveView view;
    if (gui) {
      GuiChart window = new GuiChart(title, daysShown, () -> done.complete(0));
      window.open();
      view = window;
    } else {
      view = plain ? new PlainLines(out) : Views.live(out, title, 0, daysShown);
    }
    ShutdownHook hook =
        ShutdownHook.install(
            "watch-shutdown",
            () -> {
              feed.close();
              view.close();
              channel.shutdownNow();
            });
    boolean lines = plain || view instanceof PlainLines;
    feed.follow(
        fromDay,
        new MarketFeed.Listener() {
          @Override
          public void day(DayRecord day) {
            view.day(day);
            if (untilDay > 0 && day.day() >= untilDay) {
              done.complete(0);
            }
          }

          @Override
          public void disconnected(String reason) {
            if (lines) {
              out.println("lost the market (" + reason + "); reconnecting");
              out.flush();
            }
          }

          @Override
          public void connected(MarketStatus status) {
            if (lines) {
              out.printf(
                  Locale.ROOT,
                  "connected to the market at %s: day %d (%s), %d homes connected%n",
                  address,
                  status.day(),
                  status.phase(),
                  status.homesConnected());
              out.flush();
            }
          }
        });
    int code = done.join();
    if (!hook.remove()) {
      // A signal is already stopping the JVM (closing the window on the way); the hook cleans up.
      return 130;
    }
    feed.close();
    view.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    return code;
  }

  /**
   * The market's state, asked until it answers: a market that is starting, or slow to answer its
   * first call, is waited for (said once), so the watch always says where it starts from.
   */
  private static MarketStatus firstStatus(MarketFeed feed, MarketAddress address, PrintWriter out)
      throws InterruptedException {
    Backoff backoff = Backoff.standard();
    boolean told = false;
    while (true) {
      try {
        return feed.status(Duration.ofSeconds(5));
      } catch (StatusRuntimeException e) {
        if (!told) {
          out.println(
              "the market at "
                  + address
                  + " does not answer ("
                  + e.getStatus().getCode()
                  + "); waiting for it");
          out.flush();
          told = true;
        }
        TimeUnit.MILLISECONDS.sleep(backoff.next().toMillis());
      }
    }
  }
}
