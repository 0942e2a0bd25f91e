import { App } from "cdktf";
import { BookstoreStacks, finalSupportDay, isIsoDay, SUPPORT_DATE_CONTEXT, supportStatus, ValidationError } from "../../lib";
import { exampleCloud } from "../../examples/bookstore-app";
import { warningMessagesUnder } from "../../examples/warnings";
import { bookstoreProps } from "../support/bookstore";
import { IMPLEMENTED_CATALOGS } from "../support/catalogs";
import { TESTS_JUDGE_SUPPORT_ON } from "../support/support-date";

describe.each(IMPLEMENTED_CATALOGS)("%s's support windows", (_cloud, catalog) => {
  const windows = [
    ...Object.entries(catalog.kubernetesSupport).map(([version, window]) => [`kubernetes ${version}`, window] as const),
    ...Object.entries(catalog.mysqlSupport).map(([version, window]) => [`mysql ${version}`, window!] as const),
  ];

  test("every listed Kubernetes and MySQL version has one, and no unlisted version", () => {
    expect(Object.keys(catalog.kubernetesSupport).sort()).toEqual([...catalog.kubernetesVersions].sort());
    expect(Object.keys(catalog.mysqlSupport).sort()).toEqual(Object.keys(catalog.mysqlVersions).sort());
  });

  test("each says where its dates come from and when they were read, as ISO days in order", () => {
    for (const [, window] of windows) {
      expect(window.ref).toMatch(/^https:\/\/\S+$/);
      expect(isIsoDay(window.checkedOn)).toBe(true);
      if (window.standardSupportEnds !== undefined) expect(isIsoDay(window.standardSupportEnds)).toBe(true);
      if (window.extendedSupportEnds !== undefined) {
        expect(isIsoDay(window.extendedSupportEnds)).toBe(true);
        expect(window.standardSupportEnds).toBeDefined();
        expect(window.extendedSupportEnds > window.standardSupportEnds!).toBe(true);
      }
    }
  });

  test("lists only versions the cloud still creates on the day they were checked", () => {
    for (const [what, window] of windows) expect([what, supportStatus(window, window.checkedOn)]).not.toEqual([what, "ended"]);
  });

  test("defaults are in standard support, and not within its last 90 days, on the day they were checked", () => {
    const kubernetes = catalog.kubernetesSupport[catalog.defaultKubernetesVersion];
    const mysql = catalog.mysqlSupport[catalog.defaultMysqlVersion]!;
    expect(supportStatus(kubernetes, kubernetes.checkedOn)).toBe("standard");
    expect(supportStatus(mysql, mysql.checkedOn)).toBe("standard");
  });

  test("names its services and what happens past standard support", () => {
    for (const text of [...Object.values(catalog.serviceNames), ...Object.values(catalog.pastStandardSupport)]) expect(text).toMatch(/\S/);
  });
});

describe("versions judged by their support when the bookstore is built", () => {
  const build = (cloudName: string, day: string, overrides: Parameters<typeof bookstoreProps>[1] = {}) => {
    const app = new App({ context: { [SUPPORT_DATE_CONTEXT]: day } });
    const cloud = exampleCloud(cloudName);
    const stacks = new BookstoreStacks(app, `bookstore-${cloud.name}`, { ...bookstoreProps(cloud, overrides), cloud });
    const warnings = warningMessagesUnder(stacks.infrastructure).filter((w) => /support/.test(w));
    return { warnings };
  };
  const refusal = (fn: () => unknown): ValidationError => {
    try {
      fn();
    } catch (error) {
      if (error instanceof ValidationError) return error;
      throw error;
    }
    throw new Error("expected a ValidationError");
  };

  test.each(IMPLEMENTED_CATALOGS.map(([name]) => name))("%s: the defaults draw no warning on the day the tests judge on", (cloudName) => {
    expect(TESTS_JUDGE_SUPPORT_ON).toBe("2026-12-07");
    const props = bookstoreProps(exampleCloud(cloudName));
    expect(build(cloudName, TESTS_JUDGE_SUPPORT_ON, { database: { ...props.database, version: undefined } }).warnings).toEqual([]);
  });

  test("AWS: a cluster past EKS standard support gets one warning line with both dates and what EKS does", () => {
    const { warnings } = build("aws", TESTS_JUDGE_SUPPORT_ON, { kubernetes: { ...bookstoreProps(exampleCloud("aws")).kubernetes, version: "1.33" } });
    expect(warnings).toEqual([
      "version 1.33: EKS Kubernetes 1.33 is past its standard support, which ended on 2026-07-29; extended support runs to 2027-07-29: EKS bills extended support while kubernetes.extendedSupport is true, and otherwise upgrades the cluster (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html, checked 2026-12-07)",
    ]);
  });

  test("AWS: a database of MySQL 8.0 gets one warning line: RDS bills Extended Support", () => {
    const props = bookstoreProps(exampleCloud("aws"));
    const { warnings } = build("aws", TESTS_JUDGE_SUPPORT_ON, { database: { ...props.database, version: "8.0" as never } });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^version 8\.0: RDS for MySQL 8\.0 is past its standard support, which ended on 2026-07-31; extended support runs to 2029-07-31: RDS enrolls/);
  });

  test("AWS: a version past all its support is refused, naming the versions still supported that day", () => {
    const error = refusal(() => build("aws", "2027-07-30", { kubernetes: { ...bookstoreProps(exampleCloud("aws")).kubernetes, version: "1.33" } }));
    expect(error.field).toBe("kubernetes.version");
    expect(error.allowed).toMatch(/^a version EKS Kubernetes still supports on 2027-07-30: 1\.34 \(standard support to 2026-12-02\), 1\.35 \(standard support to 2027-03-27\), 1\.36 \(standard support to 2027-08-02\); 1\.33's support ended on 2027-07-29 /);
  });

  test("AWS: on a day past all of a version's support the bookstore is refused, naming kubernetes.version", () => {
    const error = refusal(() => build("aws", "2028-08-03"));
    expect(error.field).toBe("kubernetes.version");
    expect(error.value).toBe("1.36");
    expect(error.allowed).toBe(
      "a version EKS Kubernetes still supports on 2028-08-03: none listed; update the library; 1.36's support ended on 2028-08-02 (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html, checked 2026-12-07)",
    );
  });
});

test("finalSupportDay is the last day of extended support where there is one", () => {
  const eks = IMPLEMENTED_CATALOGS.find(([name]) => name === "aws")![1];
  expect(finalSupportDay(eks.kubernetesSupport["1.36"])).toBe("2028-08-02");
});
