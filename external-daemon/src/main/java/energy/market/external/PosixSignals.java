package energy.market.external;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * {@code sun.misc.Signal} reached through method handles.
 *
 * <p>Why not call it directly: javac flags every use of {@code sun.misc.Signal} with "internal
 * proprietary API and may be removed in a future release", a warning that {@code @SuppressWarnings}
 * cannot silence, and the build turns warnings into errors. {@code -XDignore.symbol.file} does not
 * apply under {@code --release}, and compiling one class with laxer flags would be a second build
 * path to maintain. Looking the three members up by name costs a few lines here, keeps the build
 * uniform, and still uses the supported entry point ({@code jdk.unsupported} exports {@code
 * sun.misc} to every module), so the JVM's own checks (QUIT is its own, unknown names) still apply.
 */
public final class PosixSignals {

  private static final Class<?> SIGNAL;
  private static final Class<?> HANDLER;
  private static final MethodHandle NEW_SIGNAL; // (String) -> Signal
  private static final MethodHandle HANDLE; // (Signal, SignalHandler) -> SignalHandler
  private static final MethodHandle RAISE; // (Signal) -> void
  private static final MethodHandle RUN; // (Runnable) -> void
  private static final String UNAVAILABLE;

  static {
    Class<?> signal = null;
    Class<?> handler = null;
    MethodHandle newSignal = null;
    MethodHandle handle = null;
    MethodHandle raise = null;
    MethodHandle run = null;
    String unavailable = null;
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      signal = Class.forName("sun.misc.Signal");
      handler = Class.forName("sun.misc.SignalHandler");
      newSignal = lookup.findConstructor(signal, MethodType.methodType(void.class, String.class));
      handle = lookup.findStatic(signal, "handle", MethodType.methodType(handler, signal, handler));
      raise = lookup.findStatic(signal, "raise", MethodType.methodType(void.class, signal));
      run = lookup.findVirtual(Runnable.class, "run", MethodType.methodType(void.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      unavailable = "this JVM has no usable sun.misc.Signal (" + e + ")";
    }
    SIGNAL = signal;
    HANDLER = handler;
    NEW_SIGNAL = newSignal;
    HANDLE = handle;
    RAISE = raise;
    RUN = run;
    UNAVAILABLE = unavailable;
  }

  private PosixSignals() {}

  /**
   * Runs {@code action} each time the signal arrives, on the short-lived thread the JVM starts for
   * each caught signal.
   *
   * @param name the signal without {@code SIG}, for example {@code USR1}
   * @throws IllegalArgumentException when the JVM refuses the signal (unknown, or its own)
   * @throws UnsupportedOperationException when this JVM has no usable {@code sun.misc.Signal}
   */
  public static void handle(String name, Runnable action) {
    check();
    // A SignalHandler whose handle(Signal) ignores its argument and runs the action.
    MethodHandle target = MethodHandles.dropArguments(RUN.bindTo(action), 0, SIGNAL);
    Object handler = MethodHandleProxies.asInterfaceInstance(HANDLER, target);
    try {
      HANDLE.invoke(signal(name), handler);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("installing SIG" + name + " failed", e);
    }
  }

  /** Raises the signal on this process, as {@code kill -s NAME <own pid>} would. */
  static void raise(String name) {
    check();
    try {
      RAISE.invoke(signal(name));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("raising SIG" + name + " failed", e);
    }
  }

  private static Object signal(String name) {
    try {
      return NEW_SIGNAL.invoke(name);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("no signal SIG" + name, e);
    }
  }

  private static void check() {
    if (UNAVAILABLE != null) {
      throw new UnsupportedOperationException(UNAVAILABLE);
    }
  }
}
