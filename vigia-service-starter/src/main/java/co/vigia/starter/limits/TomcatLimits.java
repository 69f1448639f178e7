package co.vigia.starter.limits;

import co.vigia.starter.web.ProblemErrorReportValve;
import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Tomcat for untrusted clients: its own errors as problem+json (see {@link ProblemErrorReportValve}) and, when
 * {@code virtualThreads} is on, one virtual thread per request, so that a few hundred clients trickling their bodies
 * (each read waits up to {@code server.tomcat.connection-timeout}) park cheap threads instead of taking all 200
 * platform threads from the other callers.
 */
public class TomcatLimits implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final boolean virtualThreads;

    public TomcatLimits(boolean virtualThreads) {
        this.virtualThreads = virtualThreads;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
        if (virtualThreads) {
            factory.addProtocolHandlerCustomizers(handler -> handler.setExecutor(
                    new VirtualThreadExecutor("tomcat-handler-")));
        }
    }
}
