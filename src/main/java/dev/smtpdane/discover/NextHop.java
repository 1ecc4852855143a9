package dev.smtpdane.discover;

import org.xbill.DNS.Name;

/** A host to deliver to, as named by MX or SRV (or the argument itself in host mode). */
record NextHop(Name host, int port, int preference) {}
