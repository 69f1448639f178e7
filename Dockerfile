# One image per service: docker build --build-arg SERVICE=bill-service .
FROM eclipse-temurin:25-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -pl ${SERVICE} -am -DskipTests package

FROM eclipse-temurin:25-jre
ARG SERVICE
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 vigia
USER vigia
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/service.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
