package com.huntaze.audit.cli;

import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.RegisteredCheck;
import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.util.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** The checks {@code list-checks --domain D --service S} lists; an unknown domain or service names the known ones. */
final class ListedChecks {
    private ListedChecks() {
    }

    /** The domain ids, in report order: the values of {@code --domain}. */
    static final class Domains implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Domain.values()).map(Domain::id).iterator();
        }
    }

    /** The service ids of the catalog: the values of {@code --service} (read when iterated, for completion). */
    static final class Services implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ServiceCatalog.current().services().stream().map(s -> s.id()).iterator();
        }
    }

    static List<RegisteredCheck> select(List<RegisteredCheck> all, String domain, String service,
                                        ServiceCatalog catalog) {
        if (domain != null) {
            List<String> domains = new ArrayList<>();
            new Domains().forEach(domains::add);
            if (!domains.contains(domain.strip())) {
                throw new UsageException("--domain '" + domain + "': unknown domain; known: " + String.join(", ", domains)
                        + Suggestions.didYouMean(Suggestions.nearest(domain, domains)));
            }
        }
        if (service != null) {
            List<String> services = catalog.services().stream().map(s -> s.id()).toList();
            if (!services.contains(service.strip())) {
                throw new UsageException("--service '" + service + "': unknown service; known: "
                        + String.join(", ", services) + Suggestions.didYouMean(Suggestions.nearest(service, services)));
            }
        }
        return all.stream()
                .filter(c -> domain == null || c.metadata().domain().id().equals(domain.strip()))
                .filter(c -> service == null || CheckDescription.service(c.id()).equals(service.strip()))
                .toList();
    }
}
