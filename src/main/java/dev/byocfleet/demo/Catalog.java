package dev.byocfleet.demo;

import java.util.List;
import java.util.Map;

/** Static facts the generator draws from: clouds, regions, instance types, versions, names. */
final class Catalog {

    private Catalog() {
    }

    /** An instance type a node can run on. */
    record InstanceType(String csp, String name, String family, int vcpu, int memoryGb, String arch, int localSsdGb) {}

    static final List<String> CSPS = List.of("aws", "aws", "aws", "aws", "aws", "aws", "aws", "gcp", "gcp", "azure");

    static final Map<String, List<String>> REGIONS = Map.of(
            "aws", List.of("us-east-1", "us-west-2", "eu-central-1", "ap-southeast-1", "ap-northeast-1", "eu-west-1"),
            "gcp", List.of("us-central1", "europe-west4", "asia-southeast1"),
            "azure", List.of("eastus", "westeurope", "southeastasia"));

    static final Map<String, List<InstanceType>> FE_TYPES = Map.of(
            "aws", List.of(new InstanceType("aws", "m6i.xlarge", "m6i", 4, 16, "x86", 0),
                    new InstanceType("aws", "m6i.2xlarge", "m6i", 8, 32, "x86", 0),
                    new InstanceType("aws", "m7g.2xlarge", "m7g", 8, 32, "arm", 0)),
            "gcp", List.of(new InstanceType("gcp", "n2-standard-4", "n2", 4, 16, "x86", 0),
                    new InstanceType("gcp", "n2-standard-8", "n2", 8, 32, "x86", 0)),
            "azure", List.of(new InstanceType("azure", "Standard_D4s_v5", "Dsv5", 4, 16, "x86", 0),
                    new InstanceType("azure", "Standard_D8s_v5", "Dsv5", 8, 32, "x86", 0)));

    static final Map<String, List<InstanceType>> BE_TYPES = Map.of(
            "aws", List.of(new InstanceType("aws", "r6i.2xlarge", "r6i", 8, 64, "x86", 0),
                    new InstanceType("aws", "r6i.4xlarge", "r6i", 16, 128, "x86", 0),
                    new InstanceType("aws", "r6i.8xlarge", "r6i", 32, 256, "x86", 0),
                    new InstanceType("aws", "i4i.4xlarge", "i4i", 16, 128, "x86", 3750),
                    new InstanceType("aws", "r7g.4xlarge", "r7g", 16, 128, "arm", 0)),
            "gcp", List.of(new InstanceType("gcp", "n2-highmem-8", "n2", 8, 64, "x86", 0),
                    new InstanceType("gcp", "n2-highmem-16", "n2", 16, 128, "x86", 0)),
            "azure", List.of(new InstanceType("azure", "Standard_E8s_v5", "Esv5", 8, 64, "x86", 0),
                    new InstanceType("azure", "Standard_E16s_v5", "Esv5", 16, 128, "x86", 0)));

    static final Map<String, List<InstanceType>> CN_TYPES = Map.of(
            "aws", List.of(new InstanceType("aws", "m6id.4xlarge", "m6id", 16, 64, "x86", 950),
                    new InstanceType("aws", "r6id.4xlarge", "r6id", 16, 128, "x86", 950),
                    new InstanceType("aws", "m7gd.4xlarge", "m7gd", 16, 64, "arm", 950)),
            "gcp", List.of(new InstanceType("gcp", "n2-standard-16", "n2", 16, 64, "x86", 375)),
            "azure", List.of(new InstanceType("azure", "Standard_D16ds_v5", "Ddsv5", 16, 64, "x86", 600)));

    /** StarRocks versions in the fleet with their weights: 2.5 to 3.5, most on 3.2-3.4. */
    static final List<String> VERSIONS = List.of("2.5.22", "3.0.9", "3.1.11", "3.1.15", "3.2.9", "3.2.12",
            "3.3.2", "3.3.7", "3.3.13", "3.4.1", "3.4.5", "3.5.0", "3.5.3");
    static final int[] VERSION_WEIGHTS = {3, 4, 5, 5, 8, 12, 8, 14, 10, 9, 10, 5, 7};

    /** The versions an upgrade moves to, newest patch of each line. */
    static final List<String> UPGRADE_TARGETS = List.of("3.2.12", "3.3.13", "3.4.5", "3.5.3");

    /** Versions with known regressions (refs/starrocks-known-issues.jsonl) a version_bug scenario lands on. */
    static final List<String> BUGGY_VERSIONS = List.of("3.3.2", "3.2.9", "3.1.11", "3.5.0");

    static final List<String> INDUSTRIES = List.of("retail", "fintech", "gaming", "adtech", "saas", "logistics",
            "media", "healthcare", "telecom", "travel", "education", "manufacturing");

    static final List<String> OWNERS = List.of("alice.chen", "bob.kumar", "carla.diaz", "dmitri.ivanov",
            "emma.wong", "farid.haddad", "grace.liu", "hiro.tanaka");

    static final List<String> NAME_A = List.of("North", "Blue", "Bright", "Iron", "Silver", "Quantum", "Red", "Green",
            "Swift", "Clear", "Deep", "Prime", "Nova", "Polar", "Atlas", "Cedar", "Delta", "Echo", "Lumen", "Orbit",
            "Pioneer", "Summit", "Vector", "Zenith", "Harbor", "Maple", "Onyx", "Pixel", "Sierra", "Terra");
    static final List<String> NAME_B = List.of("wind", "stone", "path", "leaf", "wave", "peak", "field", "gate",
            "bridge", "spark", "forge", "river", "cloud", "point", "line", "loop", "mark", "works", "labs", "grid");
    static final List<String> NAME_C = List.of("Analytics", "Retail", "Games", "Pay", "Media", "Logistics",
            "Health", "Mobile", "Commerce", "Data", "Systems", "Networks", "Travel", "Learning", "Energy");

    static final List<String> ENVIRONMENTS = List.of("prod", "prod", "staging", "dev", "dev", "analytics", "bi", "etl",
            "sandbox");
}
