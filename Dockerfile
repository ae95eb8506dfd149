# huntaze-audit as a container image: docker build -t huntaze-audit .
#   docker run --rm -e AWS_REGION -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY -e AWS_SESSION_TOKEN \
#     -v "$PWD:/work" huntaze-audit check --format md,json,junit --output-dir reports

# Build: the shaded jar, tests skipped (they need moto; CI runs them with `mvn verify`).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY templates templates
RUN mvn -B -q -DskipTests package

# Run: the JRE only, as a non-root user.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 audit \
    && useradd --system --uid 10001 --gid audit --home-dir /work --no-create-home --shell /usr/sbin/nologin audit \
    && mkdir /work && chown audit:audit /work
COPY --from=build /src/target/huntaze-audit.jar /opt/huntaze-audit/huntaze-audit.jar
# A short-lived CLI: the serial collector and the C1 compiler alone start fastest (as bin/huntaze-audit does).
RUN printf '#!/bin/sh\nexec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 $HUNTAZE_AUDIT_JAVA_OPTS -jar /opt/huntaze-audit/huntaze-audit.jar "$@"\n' \
      > /usr/local/bin/huntaze-audit \
    && chmod 755 /usr/local/bin/huntaze-audit
USER 10001:10001
WORKDIR /work
ENTRYPOINT ["huntaze-audit"]
CMD ["--help"]
