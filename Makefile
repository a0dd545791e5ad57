# sam build runs build-<logical id> for each function whose Metadata says BuildMethod: makefile, in a copy of this
# folder, with ARTIFACTS_DIR set to the folder that becomes the function's package. Both functions are the same
# package, laid out as Lambda's Java runtime loads it and as SAM's own Maven build lays it out: the classes at the
# root, the runtime dependencies in lib/. SAM builds each makefile function on its own and never shares one build
# between functions, so the code is compiled twice (about 15 s each with a warm Maven cache).
#
# A JDK 21 or newer is found wherever it is installed (build/java-home), whatever the default java is; when there is
# none, the build stops at once and says what to install. The tests run only with SHIRASE_BUILD_TESTS=1 (they need
# moto_server and cfn-lint); in a container: sam build --use-container --container-env-var SHIRASE_BUILD_TESTS=1.

MAVEN_PHASE := $(if $(filter 1 true yes,$(SHIRASE_BUILD_TESTS)),verify,compile)

.PHONY: build-NotifyFunction build-ScanFunction
build-NotifyFunction build-ScanFunction:
	@test -n "$(ARTIFACTS_DIR)" || { echo "$@: set ARTIFACTS_DIR to the folder to build into (sam build sets it)" >&2; exit 1; }
	@# Classes left by an earlier build of this copy are not carried into the package.
	rm -rf target/classes target/dependency target/maven-status
	bash build/mvn -B --no-transfer-progress $(MAVEN_PHASE) dependency:copy-dependencies -DincludeScope=runtime \
		-Dmdep.prependGroupId=true
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp -R target/classes/. "$(ARTIFACTS_DIR)/"
	cp target/dependency/*.jar "$(ARTIFACTS_DIR)/lib/"
