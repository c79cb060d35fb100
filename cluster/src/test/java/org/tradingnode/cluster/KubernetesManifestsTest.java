package org.tradingnode.cluster;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes manifests under k8s/ describe this node: they parse, hold the resources a clustered
 * deployment needs and wire them to each other, and they agree with the config the node builds from
 * the environment they give the container (ports, probe paths, the variables it reads, the keys of the
 * mounted node.conf, the shutdown it runs on SIGTERM).
 */
class KubernetesManifestsTest {
  private static final Path K8S = Path.of("..", "k8s");
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final String CONTACT_POINT_DISCOVERY = "pekko.management.cluster.bootstrap.contact-point-discovery.";
  /** Read by the image's entry point and the JVM, not by the node: exempt from the node's variables. */
  private static final Set<String> JVM_ENVIRONMENT = Set.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS");
  /** What the downward API would give the pod, for the fields the manifests ask for. */
  private static final Map<String, String> DOWNWARD_API = Map.of(
      "status.podIP", "10.0.0.7", "metadata.name", "trading-node-0", "metadata.namespace", "trading");

  @TempDir
  static Path mounted;

  /** Read once, on first use: a file that does not parse fails every test that needs the manifests. */
  private static List<Manifest> manifests;
  /** The container's environment as Kubernetes would set it from the manifests. */
  private static Map<String, String> environment;
  /** The config the node builds from that environment, with the mounted node.conf. */
  private static Config nodeConfig;

  record Manifest(Path file, JsonNode doc) {
    String kind() {
      return doc.path("kind").asText();
    }

    String name() {
      return doc.path("metadata").path("name").asText();
    }
  }

  private static List<Manifest> manifests() {
    if (manifests == null) {
      List<Manifest> read = new ArrayList<>();
      for (Path file : yamlFiles()) {
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
          while (documents.hasNext()) {
            JsonNode doc = documents.next();
            if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
              read.add(new Manifest(file, doc));
            }
          }
        } catch (IOException | RuntimeException e) {
          throw new IllegalStateException(file + " is not valid YAML", e);
        }
      }
      manifests = read;
    }
    return manifests;
  }

  private static Map<String, String> environment() {
    if (environment == null) {
      environment = containerEnvironment();
    }
    return environment;
  }

  private static Config nodeConfig() {
    if (nodeConfig == null) {
      Path dataDir = Path.of(environment().getOrDefault("DATA_DIR", "/data"));
      nodeConfig = Main.config(dataDir, withLocalConfigFile(environment()));
    }
    return nodeConfig;
  }

  @Test
  void everyManifestFileParsesAsYaml() {
    List<Path> files = yamlFiles();
    assertFalse(files.isEmpty(), "no *.yaml under " + K8S.toAbsolutePath());
    assertAll(files.stream().map(file -> () -> assertDoesNotThrow(() -> {
      try (var documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
        documents.readAll();
      }
    }, file + " is not valid YAML")));
  }

  @Test
  void everyDocumentHasApiVersionKindAndName() {
    assertAll(manifests().stream().map(m -> () -> assertAll(m.file().toString(),
        () -> assertFalse(m.doc().path("apiVersion").asText().isBlank(), "apiVersion missing"),
        () -> assertFalse(m.kind().isBlank(), "kind missing"),
        () -> assertFalse(m.name().isBlank(), "metadata.name missing"))));
  }

  @Test
  void theManifestsHoldEveryKindOfResourceAClusteredNodeNeeds() {
    Set<String> kinds = manifests().stream().map(Manifest::kind).collect(Collectors.toSet());
    for (String kind : List.of("Service", "ServiceAccount", "Role", "RoleBinding", "ConfigMap", "Secret",
        "PodDisruptionBudget")) {
      assertTrue(kinds.contains(kind), "no " + kind + " in " + kinds);
    }
    assertTrue(kinds.contains("StatefulSet") || kinds.contains("Deployment"),
        "no StatefulSet or Deployment in " + kinds);
  }

  @Test
  void everyNamespacedResourceIsInTheOneNamespace() {
    Set<String> namespaces = manifests().stream().filter(m -> !m.kind().equals("Namespace"))
        .map(m -> m.doc().path("metadata").path("namespace").asText()).collect(Collectors.toSet());
    assertEquals(1, namespaces.size(), "namespaces " + namespaces);
    String namespace = namespaces.iterator().next();
    assertTrue(manifests().stream().anyMatch(m -> m.kind().equals("Namespace") && m.name().equals(namespace)),
        "the namespace " + namespace + " is not created by the manifests");
  }

  @Test
  void theRoleBindingGrantsThePodReadingRoleToTheServiceAccountThePodsRunAs() {
    String serviceAccount = podSpec().path("serviceAccountName").asText();
    assertTrue(exists("ServiceAccount", serviceAccount), "the pods' ServiceAccount " + serviceAccount + " is missing");
    JsonNode binding = only("RoleBinding");
    JsonNode roleRef = binding.path("roleRef");
    assertEquals("Role", roleRef.path("kind").asText());
    assertTrue(exists("Role", roleRef.path("name").asText()), "the bound Role " + roleRef.path("name") + " is missing");
    String namespace = binding.path("metadata").path("namespace").asText();
    assertTrue(stream(binding.path("subjects")).anyMatch(s -> s.path("kind").asText().equals("ServiceAccount")
        && s.path("name").asText().equals(serviceAccount) && s.path("namespace").asText().equals(namespace)),
        "the RoleBinding does not name the ServiceAccount " + serviceAccount + " in " + namespace);
  }

  @Test
  void theRoleLetsClusterBootstrapGetWatchAndListPods() {
    JsonNode role = byName("Role", only("RoleBinding").path("roleRef").path("name").asText());
    assertTrue(stream(role.path("rules")).anyMatch(rule -> texts(rule.path("apiGroups")).contains("")
        && texts(rule.path("resources")).contains("pods")
        && texts(rule.path("verbs")).containsAll(Set.of("get", "watch", "list"))),
        "no rule allows get, watch and list on pods: " + role.path("rules"));
  }

  @Test
  void theWorkloadServicesAndDisruptionBudgetSelectThePods() {
    Map<String, String> podLabels = podLabels();
    Map<String, Map<String, String>> selectors = new LinkedHashMap<>();
    selectors.put("the workload", matchLabels(workload().path("spec").path("selector")));
    for (JsonNode service : all("Service")) {
      selectors.put("Service " + service.path("metadata").path("name").asText(),
          strings(service.path("spec").path("selector")));
    }
    for (JsonNode budget : all("PodDisruptionBudget")) {
      selectors.put("PodDisruptionBudget " + budget.path("metadata").path("name").asText(),
          matchLabels(budget.path("spec").path("selector")));
    }
    assertAll(selectors.entrySet().stream().map(selector -> () -> {
      assertFalse(selector.getValue().isEmpty(), selector.getKey() + " selects nothing");
      selector.getValue().forEach((label, value) -> assertEquals(value, podLabels.get(label),
          selector.getKey() + " selects " + label + "=" + value + ", the pods have " + podLabels));
    }));
  }

  @Test
  void thePodsAppLabelIsTheServiceNameClusterBootstrapLooksFor() {
    String serviceName = nodeConfig().getString(CONTACT_POINT_DISCOVERY + "service-name");
    assertEquals(serviceName, podLabels().get("app"));
    String selector = nodeConfig().getString("pekko.discovery.kubernetes-api.pod-label-selector")
        .formatted(serviceName);
    for (String term : selector.split(",")) {
      String[] labelAndValue = term.split("=", 2);
      assertEquals(labelAndValue[1], podLabels().get(labelAndValue[0]), "bootstrap lists pods by " + selector);
    }
  }

  @Test
  void namedContainerPortsAreThePortsTheNodeListensOn() {
    Map<String, Integer> ports = containerPorts();
    assertEquals(nodeConfig().getInt("trading.http.port"), ports.get("http"), "http");
    assertEquals(nodeConfig().getInt("pekko.remote.artery.canonical.port"), ports.get("remoting"), "remoting");
    assertEquals(nodeConfig().getInt("pekko.management.http.port"), ports.get("management"), "management");
  }

  @Test
  void clusterBootstrapFindsTheManagementPortByItsName() {
    String portName = nodeConfig().getString(CONTACT_POINT_DISCOVERY + "port-name");
    assertEquals(nodeConfig().getInt("pekko.management.http.port"), containerPorts().get(portName),
        "bootstrap asks other pods on their port named " + portName);
  }

  @Test
  void servicesForwardToPortsTheContainerHas() {
    Map<String, Integer> ports = containerPorts();
    assertAll(all("Service").stream().flatMap(service -> stream(service.path("spec").path("ports"))).map(port -> () -> {
      JsonNode target = port.path("targetPort");
      if (target.isTextual()) {
        assertTrue(ports.containsKey(target.asText()), "no container port named " + target.asText());
      } else {
        int number = target.isMissingNode() ? port.path("port").asInt() : target.asInt();
        assertTrue(ports.containsValue(number), "no container port " + number);
      }
    }));
  }

  @Test
  void probesAskPekkoManagementsHealthChecksOnTheManagementPort() {
    JsonNode container = container();
    Map<String, String> probeToPath = Map.of(
        "startupProbe", "startup-path", "readinessProbe", "readiness-path", "livenessProbe", "liveness-path");
    String basePath = nodeConfig().getString("pekko.management.http.base-path");
    assertAll(probeToPath.entrySet().stream().map(probe -> () -> {
      JsonNode httpGet = container.path(probe.getKey()).path("httpGet");
      assertFalse(httpGet.isMissingNode(), probe.getKey() + " is not an HTTP GET");
      String expected = "/" + (basePath.isEmpty() ? "" : basePath + "/")
          + nodeConfig().getString("pekko.management.health-checks." + probe.getValue());
      assertEquals(expected, httpGet.path("path").asText(), probe.getKey());
      assertEquals(nodeConfig().getInt("pekko.management.http.port"), portNumber(httpGet.path("port")), probe.getKey());
    }));
  }

  @Test
  void everyVariableTheManifestsSetIsOneTheNodeReads() throws IOException {
    Set<String> read = new TreeSet<>(Main.ENVIRONMENT);
    read.addAll(variablesReadByConfFiles());
    Set<String> unknown = new TreeSet<>(environment().keySet());
    unknown.removeAll(read);
    unknown.removeAll(JVM_ENVIRONMENT);
    assertTrue(unknown.isEmpty(), "the node reads none of " + unknown);
  }

  @Test
  void clusterBootstrapWaitsForEveryReplicaBeforeFormingACluster() {
    int replicas = workload().path("spec").path("replicas").asInt();
    assertEquals(3, replicas, "keep-majority is reasoned for three members");
    assertEquals(replicas, nodeConfig().getInt(CONTACT_POINT_DISCOVERY + "required-contact-point-nr"));
  }

  @Test
  void statefulSetPodsStartTogetherSoBootstrapCanSeeThemAll() {
    JsonNode workload = workload();
    if (workload.path("kind").asText().equals("StatefulSet")) {
      // OrderedReady starts a pod when the previous one is ready, and none is ready before the cluster forms
      assertEquals("Parallel", workload.path("spec").path("podManagementPolicy").asText());
    }
  }

  @Test
  void theDisruptionBudgetKeepsAMajorityOfTheMembersUp() {
    int replicas = workload().path("spec").path("replicas").asInt();
    int majority = replicas / 2 + 1;
    JsonNode spec = only("PodDisruptionBudget").path("spec");
    if (spec.has("maxUnavailable")) {
      assertTrue(spec.path("maxUnavailable").asInt() <= replicas - majority,
          "maxUnavailable " + spec.path("maxUnavailable"));
      assertTrue(spec.path("maxUnavailable").asInt() >= 1, "a budget of 0 blocks every drain");
    } else {
      assertTrue(spec.path("minAvailable").asInt() >= majority, "minAvailable " + spec.path("minAvailable"));
    }
  }

  @Test
  void configFileNamesTheNodeConfMountedFromTheConfigMap() {
    JsonNode volume = stream(podSpec().path("volumes")).filter(v -> v.path("configMap").has("name")).findFirst()
        .orElseThrow(() -> new AssertionError("no ConfigMap volume"));
    JsonNode mount = stream(container().path("volumeMounts"))
        .filter(m -> m.path("name").asText().equals(volume.path("name").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("the ConfigMap volume is not mounted"));
    assertTrue(configMap(volume.path("configMap").path("name").asText()).has("node.conf"),
        "no node.conf in the mounted ConfigMap");
    assertEquals(mount.path("mountPath").asText() + "/node.conf", environment().get("CONFIG_FILE"));
  }

  @Test
  void everyKeyOfNodeConfIsOneTheNodeHasWithoutIt() {
    Map<String, String> withoutFile = new HashMap<>(environment());
    withoutFile.remove("CONFIG_FILE");
    Config withoutNodeConf = Main.config(Path.of("/data"), withoutFile);
    Config nodeConf = ConfigFactory.parseString(nodeConfText());
    assertFalse(nodeConf.isEmpty(), "node.conf sets nothing");
    assertAll(nodeConf.entrySet().stream().map(entry -> () -> assertTrue(withoutNodeConf.hasPathOrNull(entry.getKey()),
        "node.conf sets " + entry.getKey() + ", a key the node does not have")));
  }

  @Test
  void everySecretKeyIsGivenToTheNode() {
    Set<String> fromEnvFrom = stream(container().path("envFrom")).map(e -> e.path("secretRef").path("name").asText())
        .collect(Collectors.toSet());
    Set<String> referenced = stream(container().path("env")).map(e -> e.path("valueFrom").path("secretKeyRef"))
        .filter(ref -> !ref.isMissingNode()).map(ref -> ref.path("name").asText() + "/" + ref.path("key").asText())
        .collect(Collectors.toSet());
    assertAll(all("Secret").stream().flatMap(secret -> {
      String name = secret.path("metadata").path("name").asText();
      return secretValues(secret).keySet().stream().map(key -> () -> assertTrue(
          fromEnvFrom.contains(name) || referenced.contains(name + "/" + key),
          "the pods never get " + name + "/" + key));
    }));
  }

  @Test
  void noSecretValueOrKeyAppearsInAConfigMap() {
    Map<String, String> secrets = new HashMap<>();
    all("Secret").forEach(secret -> secrets.putAll(secretValues(secret)));
    assertFalse(secrets.isEmpty(), "the Secret holds nothing");
    assertAll(all("ConfigMap").stream().flatMap(configMap -> fields(configMap.path("data")).entrySet().stream())
        .map(data -> () -> {
          assertFalse(secrets.containsKey(data.getKey()), "ConfigMap key " + data.getKey() + " is a Secret's key");
          secrets.values().forEach(secret -> assertFalse(data.getValue().asText().contains(secret),
              "ConfigMap key " + data.getKey() + " holds a Secret's value"));
        }));
  }

  @Test
  void terminationGraceCoversEveryPhaseOfCoordinatedShutdown() {
    Config shutdown = nodeConfig().getConfig("pekko.coordinated-shutdown");
    long phasesSeconds = 0;
    for (String phase : shutdown.getObject("phases").keySet()) {
      Config settings = shutdown.getConfig("phases.\"" + phase + "\"");
      phasesSeconds += (settings.hasPath("timeout") ? settings.getDuration("timeout")
          : shutdown.getDuration("default-phase-timeout")).toSeconds();
    }
    long grace = podSpec().path("terminationGracePeriodSeconds").asLong();
    assertTrue(grace >= 45, "shard handoff needs at least 45 s, the pods get " + grace);
    assertTrue(grace >= phasesSeconds, "coordinated shutdown may take " + phasesSeconds + " s, the pods get " + grace);
  }

  @Test
  void theHeapLeavesRoomBelowTheMemoryLimit() {
    long limit = kubernetesBytes(container().path("resources").path("limits").path("memory").asText());
    String javaOpts = environment().getOrDefault("JAVA_OPTS", "");
    Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(javaOpts);
    Matcher xmx = Pattern.compile("-Xmx([0-9]+)([kKmMgG]?)").matcher(javaOpts);
    if (percentage.find()) {
      assertTrue(Double.parseDouble(percentage.group(1)) <= 75, "heap at " + percentage.group(1) + " % of the limit");
    } else if (xmx.find()) {
      long heap = Long.parseLong(xmx.group(1)) << switch (xmx.group(2).toLowerCase()) {
        case "k" -> 10;
        case "m" -> 20;
        case "g" -> 30;
        default -> 0;
      };
      assertTrue(heap <= limit * 3 / 4, "-Xmx" + xmx.group(1) + xmx.group(2) + " for a limit of " + limit + " bytes");
    } else {
      fail("JAVA_OPTS sets no heap size: " + javaOpts);
    }
  }

  @Test
  void theNodeAcceptsItsSettingsAndBootstrapsThroughTheKubernetesApi() {
    NodeSettings settings = NodeSettings.from(nodeConfig());
    assertTrue(settings.cluster().bootstrapsOnKubernetes());
    assertEquals("0.0.0.0", settings.httpHost(), "the Service reaches the API on the pod's address");
    assertEquals(DOWNWARD_API.get("status.podIP"), nodeConfig().getString("pekko.remote.artery.canonical.hostname"));
  }

  // --- reading the manifests

  private static List<Path> yamlFiles() {
    try (Stream<Path> files = Files.list(K8S)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> all(String kind) {
    return manifests().stream().filter(m -> m.kind().equals(kind)).map(Manifest::doc).toList();
  }

  private static JsonNode only(String kind) {
    List<JsonNode> found = all(kind);
    assertEquals(1, found.size(), "number of " + kind + "s");
    return found.get(0);
  }

  private static boolean exists(String kind, String name) {
    return manifests().stream().anyMatch(m -> m.kind().equals(kind) && m.name().equals(name));
  }

  private static JsonNode byName(String kind, String name) {
    return manifests().stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).map(Manifest::doc)
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static JsonNode workload() {
    List<JsonNode> workloads = new ArrayList<>(all("StatefulSet"));
    workloads.addAll(all("Deployment"));
    assertEquals(1, workloads.size(), "one StatefulSet or Deployment");
    return workloads.get(0);
  }

  private static JsonNode podSpec() {
    return workload().path("spec").path("template").path("spec");
  }

  private static JsonNode container() {
    JsonNode containers = podSpec().path("containers");
    assertEquals(1, containers.size(), "containers of the pod");
    return containers.get(0);
  }

  private static Map<String, String> podLabels() {
    return strings(workload().path("spec").path("template").path("metadata").path("labels"));
  }

  private static Map<String, Integer> containerPorts() {
    return stream(container().path("ports"))
        .collect(Collectors.toMap(p -> p.path("name").asText(), p -> p.path("containerPort").asInt()));
  }

  private static int portNumber(JsonNode port) {
    return port.isTextual() ? containerPorts().getOrDefault(port.asText(), -1) : port.asInt();
  }

  private static JsonNode configMap(String name) {
    return byName("ConfigMap", name).path("data");
  }

  private static String nodeConfText() {
    return all("ConfigMap").stream().map(c -> c.path("data").path("node.conf")).filter(JsonNode::isTextual)
        .map(JsonNode::asText).findFirst().orElseThrow(() -> new AssertionError("no ConfigMap holds node.conf"));
  }

  /** A Secret's keys and values, from stringData and base64 data alike. */
  private static Map<String, String> secretValues(JsonNode secret) {
    Map<String, String> values = new HashMap<>();
    fields(secret.path("stringData")).forEach((key, value) -> values.put(key, value.asText()));
    fields(secret.path("data")).forEach((key, value) ->
        values.put(key, new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8)));
    return values;
  }

  /** The container's environment as Kubernetes sets it: envFrom first, then env entries over it. */
  private static Map<String, String> containerEnvironment() {
    Map<String, String> env = new HashMap<>();
    for (JsonNode from : container().path("envFrom")) {
      if (from.has("configMapRef")) {
        fields(configMap(from.path("configMapRef").path("name").asText()))
            .forEach((key, value) -> env.put(key, value.asText()));
      } else if (from.has("secretRef")) {
        env.putAll(secretValues(byName("Secret", from.path("secretRef").path("name").asText())));
      }
    }
    for (JsonNode variable : container().path("env")) {
      env.put(variable.path("name").asText(), value(variable));
    }
    return env;
  }

  private static String value(JsonNode variable) {
    if (variable.has("value")) {
      return variable.path("value").asText();
    }
    JsonNode from = variable.path("valueFrom");
    if (from.has("fieldRef")) {
      String field = from.path("fieldRef").path("fieldPath").asText();
      assertTrue(DOWNWARD_API.containsKey(field), "downward API field " + field);
      return DOWNWARD_API.get(field);
    }
    if (from.has("secretKeyRef")) {
      JsonNode ref = from.path("secretKeyRef");
      String value = secretValues(byName("Secret", ref.path("name").asText())).get(ref.path("key").asText());
      assertNotNull(value, "no key " + ref.path("key") + " in Secret " + ref.path("name"));
      return value;
    }
    if (from.has("configMapKeyRef")) {
      JsonNode ref = from.path("configMapKeyRef");
      return configMap(ref.path("name").asText()).path(ref.path("key").asText()).asText();
    }
    throw new AssertionError("unsupported env source for " + variable.path("name") + ": " + from);
  }

  /** The environment with CONFIG_FILE pointing at a local copy of the node.conf the pod has mounted. */
  private static Map<String, String> withLocalConfigFile(Map<String, String> env) {
    Map<String, String> local = new HashMap<>(env);
    if (env.containsKey("CONFIG_FILE")) {
      Path file = mounted.resolve("node.conf");
      try {
        Files.writeString(file, nodeConfText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      local.put("CONFIG_FILE", file.toString());
    }
    return local;
  }

  /**
   * The NAME of every {@code ${?NAME}} in the node's conf files and of every {@code ${NAME:-default}} in its
   * logback files (conf/, on this module's classpath).
   */
  private static Set<String> variablesReadByConfFiles() throws IOException {
    Path confDir;
    try {
      confDir = Path.of(KubernetesManifestsTest.class.getResource("/application.conf").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Set<String> names = new TreeSet<>();
    Pattern hocon = Pattern.compile("\\$\\{\\?([A-Za-z_][A-Za-z0-9_]*)}");
    Pattern logback = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):-[^}]*}");
    try (Stream<Path> files = Files.list(confDir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        Pattern substitution = name.endsWith(".conf") ? hocon
            : name.startsWith("logback") && name.endsWith(".xml") ? logback : null;
        if (substitution == null) {
          continue;
        }
        Matcher matcher = substitution.matcher(read(file));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    }
    return names;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> matchLabels(JsonNode selector) {
    assertFalse(selector.has("matchExpressions"), "only matchLabels selectors are checked");
    return strings(selector.path("matchLabels"));
  }

  private static Map<String, JsonNode> fields(JsonNode node) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    node.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
    return fields;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> strings = new LinkedHashMap<>();
    fields(node).forEach((key, value) -> strings.put(key, value.asText()));
    return strings;
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }

  private static Set<String> texts(JsonNode array) {
    return stream(array).map(JsonNode::asText).collect(Collectors.toSet());
  }

  /** A Kubernetes memory quantity (2Gi, 512Mi, 2G) in bytes. */
  private static long kubernetesBytes(String quantity) {
    Matcher m = Pattern.compile("([0-9]+)(Ki|Mi|Gi|Ti|k|M|G|T)?").matcher(quantity);
    assertTrue(m.matches(), "not a memory quantity: '" + quantity + "'");
    long number = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2);
    return switch (unit) {
      case "Ki" -> number << 10;
      case "Mi" -> number << 20;
      case "Gi" -> number << 30;
      case "Ti" -> number << 40;
      case "k" -> number * 1_000L;
      case "M" -> number * 1_000_000L;
      case "G" -> number * 1_000_000_000L;
      case "T" -> number * 1_000_000_000_000L;
      default -> number;
    };
  }
}
