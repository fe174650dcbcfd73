# One image definition for the three .NET programs; APP chooses which one it runs:
#   Marketplace.Api (serves the SPA too), Marketplace.Workers, Marketplace.Admin (migrate / seed).
# Build from the repository root:  docker build -f infra/docker/dotnet.Dockerfile --build-arg APP=Marketplace.Api .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY Directory.Build.props Directory.Packages.props Marketplace.sln dotnet-tools.json ./
COPY src/ src/
ARG APP
RUN project=$(find src -name "$APP.csproj") \
 && test -n "$project" \
 && dotnet publish "$project" -c Release -o /app

# The SPA, built only for the Api image (the stage is skipped by the others' build graphs). Its API types are
# generated from the OpenAPI document that building the Api wrote to src/Web/openapi.
FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY src/Web/package.json src/Web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/Web/ ./
COPY --from=build /source/src/Web/openapi/ ./openapi/
RUN npm run build

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime-base
WORKDIR /app
COPY --from=build /app ./
ENV DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production
USER $APP_UID

FROM runtime-base AS api
COPY --from=web /web/dist /app/spa
# Uploads (certification evidence) live outside the app and the SPA; owned by the app user, so a named volume
# mounted here starts out writable. MeCab and its IPADIC dictionary read RFP texts (the disguised-contracting check).
USER root
RUN apt-get update && apt-get install -y --no-install-recommends libmecab2 mecab-ipadic-utf8 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data/files && chown "$APP_UID" /data/files
USER $APP_UID
ENV Spa__RootPath=/app/spa ASPNETCORE_URLS=http://+:8080 Storage__Path=/data/files
EXPOSE 8080
ENTRYPOINT ["dotnet", "Marketplace.Api.dll"]

FROM runtime-base AS workers
ENTRYPOINT ["dotnet", "Marketplace.Workers.dll"]

FROM runtime-base AS admin
ENTRYPOINT ["dotnet", "Marketplace.Admin.dll"]
