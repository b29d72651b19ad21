package energy.market.launcher;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the house in order, checked on the production classes of every module (the
 * launcher's class path holds them all): the contract stops at the adapters, and modules depend
 * downward only.
 */
class ArchitectureTest {
  /** The contract's generated types and the transport. */
  private static final String[] GRPC_AND_CONTRACT = {
    "io.grpc..", "com.google.protobuf..", "energy.market.api.."
  };

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("energy.market");
  }

  @Test
  void theDomainKnowsNeitherGrpcNorTheGeneratedContract() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "energy.market.model..",
            "energy.market.server.clock..",
            "energy.market.server.day..",
            "energy.market.server.engine..",
            "energy.market.server.feed..",
            "energy.market.server.homes..",
            "energy.market.server.ledger..",
            "energy.market.server.price..",
            "energy.market.server.trade..",
            "energy.market.weather.model..",
            "energy.market.weather.shm..",
            "energy.market.launcher.model..",
            "energy.market.launcher.view..",
            "energy.market.launcher.results..",
            "energy.market.launcher.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(GRPC_AND_CONTRACT)
        .check(production);
  }

  @Test
  void onlyAdaptersClientsAndCommandsSpeakGrpc() {
    noClasses()
        .that(not(mayUseGrpc()))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(GRPC_AND_CONTRACT)
        .check(production);
  }

  @Test
  void noRoleDependsOnTheMarketServer() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "energy.market.model..",
            "energy.market.client..",
            "energy.market.home..",
            "energy.market.weather..",
            "energy.market.external..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("energy.market.server..")
        .check(production);
  }

  @Test
  void homesReadTheWeatherButDoNotDependOnTheWeatherDaemon() {
    noClasses()
        .that()
        .resideInAPackage("energy.market.home..")
        .should()
        .dependOnClassesThat(
            resideInAnyPackage("energy.market.weather..")
                .and(
                    not(
                        resideInAnyPackage(
                            "energy.market.weather.source..", "energy.market.weather.shm.."))))
        .check(production);
  }

  @Test
  void onlyTheLauncherDependsOnTheLauncher() {
    noClasses()
        .that()
        .resideOutsideOfPackage("energy.market.launcher..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("energy.market.launcher..")
        .check(production);
  }

  /**
   * Who may use the transport and the generated types: the contract itself, gRPC adapters ({@code
   * grpc} packages), clients ({@code client} packages), the launcher's commands, and each role's
   * command and process wiring (its {@code *Command}, {@code *Server}, {@code *Daemon}).
   */
  private static DescribedPredicate<JavaClass> mayUseGrpc() {
    return DescribedPredicate.describe(
        "are adapters, clients or commands",
        javaClass -> {
          String packageName = javaClass.getPackageName();
          if (packageName.startsWith("energy.market.api")
              || packageName.endsWith(".grpc")
              || packageName.contains(".grpc.")
              || packageName.endsWith(".client")
              || packageName.contains(".client.")) {
            return true;
          }
          if (packageName.startsWith("energy.market.launcher")) {
            return !packageName.matches(
                "energy\\.market\\.launcher\\.(model|view|results|config).*");
          }
          String topLevel = javaClass.getName().substring(packageName.length() + 1).split("\\$")[0];
          return topLevel.endsWith("Command")
              || topLevel.endsWith("Server")
              || topLevel.endsWith("Daemon");
        });
  }
}
