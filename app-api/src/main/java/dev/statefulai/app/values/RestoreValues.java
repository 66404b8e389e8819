package dev.statefulai.app.values;

import java.util.Map;

/**
 * A restore of an app's claims in values files (key {@code restore}), one of three ways; the claims must not exist when it
 * is applied (scale the StatefulSet to 0 and delete them first: {@code storage.md} gives the commands).
 *
 * @param backup       velero: a {@code Restore} of the app from this backup, e.g. {@code vector-db-prod-20240601030012}
 * @param snapshotTime snapscheduler: every backed-up claim restored from the snapshot its schedule took then,
 *                     {@code YYYYMMDDHHMM} in UTC (the end of the snapshots' names)
 * @param snapshots    each claim to restore and its VolumeSnapshot, by the claim's name, e.g.
 *                     {@code data-vector-db-0: data-vector-db-0-before-upgrade}
 */
public record RestoreValues(@Rule(Rule.Kind.DNS_SUBDOMAIN) String backup, String snapshotTime, Map<String, String> snapshots) {
}
