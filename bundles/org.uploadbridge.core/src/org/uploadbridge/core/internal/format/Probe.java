package org.uploadbridge.core.internal.format;

import org.osgi.service.component.annotations.Component;

@Component(service = Probe.class)
public class Probe {
}
