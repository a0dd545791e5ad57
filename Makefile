# sam build runs build-<logical id> for each function whose Metadata says BuildMethod: makefile, in a copy of this
# folder, with ARTIFACTS_DIR set to the folder that becomes the function's package. Both functions are the same
# package: one jar, lib/shirase.jar, which Lambda's Java runtime puts on the classpath (it adds lib/*.jar to it).
# It is target/shirase.jar, the shaded jar of the code and its runtime dependencies shrunk by ProGuard to the classes
# and methods the code reaches (build/shrink.pro says what is kept and why): 9.2 MB zipped, where the classes and the
# dependency jars as they are came to 42.6 MB, the SDK's service clients above all. The same jar is the CLI that
# ./shirase and the tests run, so what is tested is what is deployed. SAM builds each makefile function on its own
# and never shares one build between functions, so the code is built twice (each about 15 s of compiling and 40 s of
# shrinking with a warm Maven cache, on two cores).
#
# A JDK 21 or newer is found wherever it is installed (build/java-home), whatever the default java is; when there is
# none, the build stops at once and says what to install. The tests run only with SHIRASE_BUILD_TESTS=1 (they need
# moto_server and cfn-lint); in a container: sam build --use-container --container-env-var SHIRASE_BUILD_TESTS=1.
# Without it the tests are neither compiled nor run.

MAVEN_PHASE := $(if $(filter 1 true yes,$(SHIRASE_BUILD_TESTS)),verify,package -Dmaven.test.skip=true)

.PHONY: build-NotifyFunction build-ScanFunction
build-NotifyFunction build-ScanFunction:
	@test -n "$(ARTIFACTS_DIR)" || { echo "$@: set ARTIFACTS_DIR to the folder to build into (sam build sets it)" >&2; exit 1; }
	@# Classes left by an earlier build of this copy are not carried into the jar, nor is an earlier jar copied.
	rm -rf target/classes target/maven-status target/shirase.jar
	bash build/mvn -B --no-transfer-progress $(MAVEN_PHASE)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp target/shirase.jar "$(ARTIFACTS_DIR)/lib/"
