#!/bin/sh
# Installs the GDAL runtime library of whatever Debian or Ubuntu release the image is built on, then
# fails the build unless that library's soname is one the app's resolver tries. Run by infra/Dockerfile.
#
# The runtime package is named after its soname and so differs per release (libgdal32 on Debian 12,
# libgdal34t64 on Ubuntu 24.04, which .NET 10 images use, libgdal36 on Debian 13). gdal-bin depends on
# exactly that package on every release, so its dependency names it; gdal-bin itself is not installed
# (on Debian it pulls in Python and numpy for its scripts, which the app never runs).
#
# SONAMES must equal the versioned entries of GdalLibrary.CandidateNames
# (functions/MineFunctions.Infrastructure/Gdal/GdalLibrary.cs); App.Tests' DockerImageTests check it.
set -eu
SONAMES="libgdal.so.32 libgdal.so.33 libgdal.so.34 libgdal.so.35 libgdal.so.36 libgdal.so.37 libgdal.so.38"

apt-get update
package="$(apt-cache depends gdal-bin | sed -n 's/^ *Depends: \(libgdal[0-9][0-9a-z]*\)$/\1/p' | head -n 1)"
if [ -z "$package" ]; then
  echo "install-gdal: gdal-bin names no libgdal runtime package on this distribution" >&2
  exit 1
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$package"

for soname in $SONAMES; do
  if ldconfig -p | grep -q "^[[:space:]]*$soname "; then
    echo "install-gdal: $package provides $soname"
    exit 0
  fi
done
echo "install-gdal: $package provides none of: $SONAMES" >&2
echo "install-gdal: add its soname to GdalLibrary.CandidateNames and to SONAMES here" >&2
ldconfig -p | grep libgdal >&2 || true
exit 1
